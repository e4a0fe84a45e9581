package org.casemgmt.adapter.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.stereotype.Component;

/**
 * Releases a 42 CFR Part 2 record only where the client's active Consent (the guide's client-consent) permits this
 * recipient and purpose: a consent citing the 42CFRPart2 policy whose permit provision is in force today, names the
 * caller's organization among its actors and lists the caller's purpose of use (or none). A record about several
 * clients needs the consent of each.
 */
@Component
public class Part2Release {
  /** 42 CFR 2.32's notice, which accompanies every disclosure made with the patient's consent. */
  public static final String REDISCLOSURE_NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
      + " This information has been disclosed to you from records protected by federal confidentiality rules"
      + " (42 CFR part 2). The federal rules prohibit you from making any further disclosure of information in this"
      + " record that identifies a patient as having or having had a substance use disorder either directly, by"
      + " reference to publicly available information, or through verifiable association with publicly available"
      + " information unless further disclosure is expressly permitted by the written consent of the individual"
      + " whose information is being disclosed or as otherwise permitted by 42 CFR part 2.";
  /** DS4P's handling caveat: no redisclosure without consent directive. */
  static final String NO_REDISCLOSURE = "NORDSCLCD";
  private static final String CONSENTS = Part2Release.class.getName() + ".consents";

  private final DaoRegistry daos;
  private final Clock clock;

  Part2Release(DaoRegistry daos, Clock clock) {
    this.daos = daos;
    this.clock = clock;
  }

  /** Whether a resource carries the Part 2 label. */
  public static boolean labelled(IBaseResource resource) {
    return resource != null && hasActCode(resource.getMeta().getSecurity(), "42CFRPart2");
  }

  /** Whether the codings hold this v3-ActCode (a label, a handling caveat, a consent's policy). */
  static boolean hasActCode(List<? extends IBaseCoding> codings, String code) {
    return codings.stream()
        .anyMatch(coding -> Part2Labels.ACT_CODE.equals(coding.getSystem()) && code.equals(coding.getCode()));
  }

  /** Whether every client the record is about consented to its disclosure to this caller for this purpose. */
  boolean permitted(AccessGrant grant, Set<String> clients, RequestDetails request) {
    String recipient = grant.caller().organization();
    if (recipient == null || clients.isEmpty()) {
      return false;
    }
    @SuppressWarnings("unchecked")
    Map<String, Boolean> decided = (Map<String, Boolean>) request.getUserData()
        .computeIfAbsent(CONSENTS, key -> new HashMap<String, Boolean>());
    return clients.stream().allMatch(client -> decided.computeIfAbsent(client,
        c -> consents(c).stream().anyMatch(consent -> permits(consent, recipient, grant.caller().purposeOfUse()))));
  }

  /** The record as it leaves: with DS4P's "no redisclosure without consent" obligation among its labels. */
  IBaseResource withRedisclosureNotice(IBaseResource resource) {
    if (!hasActCode(resource.getMeta().getSecurity(), NO_REDISCLOSURE)) {
      resource.getMeta().addSecurity().setSystem(Part2Labels.ACT_CODE).setCode(NO_REDISCLOSURE)
          .setDisplay("no redisclosure without consent directive");
    }
    return resource;
  }

  private boolean permits(Consent consent, String recipient, String purpose) {
    Consent.ProvisionComponent provision = consent.getProvision();
    Date now = Date.from(clock.instant());
    boolean part2Policy = hasActCode(consent.getPolicyRule().getCoding(), "42CFRPart2");
    boolean inForce = (!provision.getPeriod().hasStart() || !provision.getPeriod().getStart().after(now))
        && (!provision.getPeriod().hasEnd() || !provision.getPeriod().getEnd().before(now));
    boolean toRecipient = provision.getActor().stream()
        .anyMatch(actor -> recipient.equals(actor.getReference().getReference()));
    boolean forPurpose = provision.getPurpose().isEmpty()
        || provision.getPurpose().stream().map(Coding::getCode).anyMatch(code -> code.equals(purpose));
    return part2Policy && provision.getType() == Consent.ConsentProvisionType.PERMIT && inForce && toRecipient
        && forPurpose;
  }

  private List<Consent> consents(String client) {
    SearchParameterMap query = SearchParameterMap.newSynchronous()
        .add(Consent.SP_PATIENT, new ReferenceParam(client))
        .add(Consent.SP_STATUS, new TokenParam("active"));
    return daos.getResourceDao(Consent.class).searchForResources(query, new SystemRequestDetails()).stream()
        .map(Consent.class::cast).toList();
  }
}
