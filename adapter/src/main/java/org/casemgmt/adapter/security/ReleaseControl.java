package org.casemgmt.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Decides, resource by resource, what leaves the server: every search match, {@code _include}d and
 * {@code _revinclude}d resource, page, history entry and {@code $everything} member passes here (HAPI's consent
 * hooks). A resource leaves only when the grant opens its type, matches the granular scope's search, is about
 * clients the grant reaches and, for Part 2 records, a consent permits it ({@link Part2Release}). What is withheld is
 * counted, and a search answer says how many in an OperationOutcome warning.
 */
@Interceptor
public class ReleaseControl implements IConsentService {
  private static final String WITHHELD = ReleaseControl.class.getName() + ".withheld";
  private static final Set<RestOperationTypeEnum> SINGLE = Set.of(RestOperationTypeEnum.READ,
      RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.CREATE,
      RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE,
      RestOperationTypeEnum.EXTENDED_OPERATION_TYPE, RestOperationTypeEnum.EXTENDED_OPERATION_SERVER);

  private final FhirAccessControl access;
  private final ReachableClients reachable;
  private final SearchParamMatcher matcher;
  private final Part2Release part2;
  private final FhirContext context;

  ReleaseControl(FhirAccessControl access, ReachableClients reachable, SearchParamMatcher matcher, Part2Release part2,
      FhirContext context) {
    this.access = access;
    this.reachable = reachable;
    this.matcher = matcher;
    this.part2 = part2;
    this.context = context;
  }

  @Override
  public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource,
      IConsentContextServices services) {
    return FhirAccessControl.grant(request).map(grant -> {
      if (releasable(grant, resource, request)) {
        return ConsentOutcome.PROCEED;
      }
      withheld(request).incrementAndGet();
      return ConsentOutcome.REJECT;
    }).orElse(ConsentOutcome.PROCEED);
  }

  @Override
  public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource,
      IConsentContextServices services) {
    // Part 2 records that do leave carry the prohibition on redisclosure with them.
    return FhirAccessControl.grant(request).isPresent() && Part2Release.labelled(resource)
        ? new ConsentOutcome(ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum.PROCEED,
            part2.withRedisclosureNotice(resource))
        : ConsentOutcome.PROCEED;
  }

  /** A search answer says how many resources it withheld, and quotes the Part 2 notice when it releases any. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  void beforeAnswer(RequestDetails request, ResponseDetails response) {
    AtomicInteger count = (AtomicInteger) request.getUserData().get(WITHHELD);
    if (response.getResponseResource() instanceof Bundle bundle && bundle.getType() != Bundle.BundleType.TRANSACTIONRESPONSE
        && bundle.getType() != Bundle.BundleType.BATCHRESPONSE) {
      OperationOutcome outcome = new OperationOutcome();
      if (count != null && count.get() > 0) {
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
            .setCode(OperationOutcome.IssueType.SUPPRESSED)
            .setDiagnostics(count.get() + " resource(s) withheld: outside the token's scopes, the caller's clients,"
                + " or Part 2 records without a consent for this recipient and purpose");
      }
      if (bundle.getEntry().stream()
          .anyMatch(entry -> entry.hasResource() && Part2Release.labelled(entry.getResource()))) {
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
            .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(Part2Release.REDISCLOSURE_NOTICE);
      }
      if (outcome.hasIssue()) {
        bundle.addEntry().setResource(outcome).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
      }
    }
  }

  private boolean releasable(AccessGrant grant, IBaseResource resource, RequestDetails request) {
    String type = context.getResourceType(resource);
    if ("OperationOutcome".equals(type)) {
      return true;
    }
    Interaction interaction = SINGLE.contains(request.getRestOperationType()) ? Interaction.READ : Interaction.SEARCH;
    return grant.allows(type, interaction) && withinReach(grant, type, interaction, resource, request);
  }

  /**
   * Whether work done in bulk on the caller's behalf (an export, a measure, a Group's members) may carry this
   * resource: the rules of a search (granular scopes, the caller's clients, Part 2 consent), the role's exports
   * opening the type. The request only holds what is looked up once for the whole work.
   */
  public boolean releasableInBulk(AccessGrant grant, IBaseResource resource, RequestDetails request) {
    String type = context.getResourceType(resource);
    return grant.allowsExport(type) && withinReach(grant, type, Interaction.SEARCH, resource, request);
  }

  /** The resource as it is released: a Part 2 record with the prohibition on redisclosure among its labels. */
  public IBaseResource released(IBaseResource resource) {
    return Part2Release.labelled(resource) ? part2.withRedisclosureNotice(resource) : resource;
  }

  private boolean withinReach(AccessGrant grant, String type, Interaction interaction, IBaseResource resource,
      RequestDetails request) {
    List<String> filters = grant.filters(type, interaction);
    if (!filters.isEmpty() && filters.stream()
        .noneMatch(filter -> matcher.match(type + "?" + filter, resource, request).matched())) {
      return false;
    }
    Set<String> reach = reachable.of(grant, grant.whose(type, interaction), request);
    Set<String> clients = access.clientsOf(resource);
    if (reach != null && !reach.containsAll(clients)) {
      return false;
    }
    return !Part2Release.labelled(resource) || part2.permitted(grant, clients, request);
  }

  private static AtomicInteger withheld(RequestDetails request) {
    return (AtomicInteger) request.getUserData().computeIfAbsent(WITHHELD, key -> new AtomicInteger());
  }
}
