package org.casemgmt.adapter.eligibility.record;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Reads one client's evidence from the store: the FHIR resources in the surviving Patient's compartment and, for
 * every Medicaid member id the client holds or held before a merge, the diagnoses on their claims in force. Runs in
 * the caller's transaction, so an evaluation reads one consistent record.
 */
@Component
public class ClientRecordReader {
  private final DaoRegistry daos;
  private final ClientIdentity identity;
  private final ClaimDiagnoses claimDiagnoses;
  private final EvidenceFromRecord mapping;
  private final String medicaidSystem;

  ClientRecordReader(DaoRegistry daos, ClientIdentity identity, ClaimDiagnoses claimDiagnoses,
      CoverageTypes coverageTypes, IdentityPolicy identityPolicy) {
    this.daos = daos;
    this.identity = identity;
    this.claimDiagnoses = claimDiagnoses;
    this.mapping = new EvidenceFromRecord(coverageTypes);
    this.medicaidSystem = identityPolicy.medicaid().system();
  }

  /**
   * The client a Patient id stands for: the Patient itself or, when merged away, the one that replaced it.
   *
   * @throws ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException when there is no such Patient (404)
   * @throws ca.uhn.fhir.rest.server.exceptions.ResourceGoneException when it was deleted (410)
   */
  public Patient client(String patientId) {
    Patient patient = (Patient) daos.getResourceDao(Patient.class)
        .read(new IdType("Patient", patientId), new SystemRequestDetails());
    return identity.survivor(patient);
  }

  /**
   * The clients these Patient ids are, read with one search: those merged away (their survivor stands for them)
   * and those no longer stored are left out.
   */
  public List<Patient> survivingClients(List<String> patientIds) {
    if (patientIds.isEmpty()) {
      return List.of();
    }
    TokenOrListParam ids = new TokenOrListParam();
    patientIds.forEach(id -> ids.add(id));
    return daos.getResourceDao(Patient.class)
        .searchForResources(SearchParameterMap.newSynchronous().add("_id", ids), new SystemRequestDetails()).stream()
        .map(Patient.class::cast)
        .filter(patient -> patient.getLink().stream().noneMatch(link -> link.getType() == Patient.LinkType.REPLACEDBY))
        .toList();
  }

  /** What the engine may know about the client; {@code client} is a survivor ({@link #client}). */
  public ClientEvidence evidence(Patient client) {
    return evidence(List.of(client)).get(0);
  }

  /**
   * What the engine may know about each of several clients (survivors), in their order, read together: one search
   * per kind of resource and one question to the claims feed for all of them, which is what makes a population run
   * fast.
   */
  public List<ClientEvidence> evidence(List<Patient> clients) {
    return read(clients).stream().map(mapping::evidence).toList();
  }

  /** A client's service use: the evidence of their Encounters and Coverages, and the Encounters as read. */
  public record ServiceUse(ClientEvidence evidence, List<Encounter> encounters) {}

  /**
   * What measures of hospital use read of several clients (survivors), in their order: one search of their
   * Encounters and one of their Coverages, mapped as eligibility maps them (episodes, coverage spans, birth date);
   * nothing else of the record is read.
   */
  public List<ServiceUse> serviceUse(List<Patient> clients) {
    ReferenceOrListParam subjects = new ReferenceOrListParam();
    clients.forEach(client -> subjects.addOr(new ReferenceParam("Patient/" + client.getIdElement().getIdPart())));
    Map<String, List<Encounter>> encounters = bySubject(Encounter.class,
        SearchParameterMap.newSynchronous().add(Encounter.SP_SUBJECT, subjects), Encounter::getSubject);
    Map<String, List<Coverage>> coverages = bySubject(Coverage.class,
        SearchParameterMap.newSynchronous().add(Coverage.SP_BENEFICIARY, subjects), Coverage::getBeneficiary);
    return clients.stream().map(client -> {
      List<Encounter> theirs = encounters.getOrDefault(id(client), List.of());
      return new ServiceUse(mapping.evidence(new ClientRecord(client, theirs, List.of(),
          coverages.getOrDefault(id(client), List.of()), List.of(), List.of(), List.of())), theirs);
    }).toList();
  }

  List<ClientRecord> read(List<Patient> clients) {
    ReferenceOrListParam subjects = new ReferenceOrListParam();
    clients.forEach(client -> subjects.addOr(new ReferenceParam("Patient/" + client.getIdElement().getIdPart())));
    TokenOrListParam scoreCodes = new TokenOrListParam();
    Assessments.SCORES.keySet().forEach(code -> scoreCodes.add(code.substring(0, code.indexOf('|')),
        code.substring(code.indexOf('|') + 1)));
    Map<String, List<Encounter>> encounters = bySubject(Encounter.class,
        SearchParameterMap.newSynchronous().add(Encounter.SP_SUBJECT, subjects), Encounter::getSubject);
    Map<String, List<Condition>> conditions = bySubject(Condition.class,
        SearchParameterMap.newSynchronous().add(Condition.SP_SUBJECT, subjects), Condition::getSubject);
    Map<String, List<Coverage>> coverages = bySubject(Coverage.class,
        SearchParameterMap.newSynchronous().add(Coverage.SP_BENEFICIARY, subjects), Coverage::getBeneficiary);
    Map<String, List<Observation>> scores = bySubject(Observation.class, SearchParameterMap.newSynchronous()
        .add(Observation.SP_SUBJECT, subjects).add(Observation.SP_CODE, scoreCodes), Observation::getSubject);
    Map<String, List<QuestionnaireResponse>> responses = bySubject(QuestionnaireResponse.class,
        SearchParameterMap.newSynchronous().add(QuestionnaireResponse.SP_SUBJECT, subjects),
        QuestionnaireResponse::getSubject);
    Map<String, List<String>> memberIds = new LinkedHashMap<>();
    clients.forEach(client -> memberIds.put(id(client), medicaidIds(client)));
    Map<String, List<BilledDiagnosis>> claims = claimDiagnoses.byMember(
        memberIds.values().stream().flatMap(List::stream).distinct().toList());
    return clients.stream().map(client -> new ClientRecord(client,
        encounters.getOrDefault(id(client), List.of()),
        conditions.getOrDefault(id(client), List.of()),
        coverages.getOrDefault(id(client), List.of()),
        scores.getOrDefault(id(client), List.of()),
        responses.getOrDefault(id(client), List.of()),
        memberIds.get(id(client)).stream().flatMap(member -> claims.getOrDefault(member, List.of()).stream())
            .toList())).toList();
  }

  private static String id(Patient client) {
    return client.getIdElement().getIdPart();
  }

  /**
   * The Medicaid member ids of the client and of every client it replaced: a merged-away client keeps its own
   * identifiers, and the claims staged under them are still this person's.
   */
  private List<String> medicaidIds(Patient client) {
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Patient> toVisit = new ArrayDeque<>(List.of(client));
    while (!toVisit.isEmpty()) {
      Patient patient = toVisit.pop();
      if (!seen.add(patient.getIdElement().getIdPart())) {
        continue;
      }
      patient.getIdentifier().stream()
          .filter(identifier -> medicaidSystem.equals(identifier.getSystem()) && identifier.hasValue())
          .map(identifier -> identifier.getValue())
          .filter(id -> !ids.contains(id))
          .forEach(ids::add);
      patient.getLink().stream()
          .filter(link -> link.getType() == Patient.LinkType.REPLACES)
          .map(link -> link.getOther().getReferenceElement().toUnqualifiedVersionless())
          .filter(other -> !seen.contains(other.getIdPart()))
          .forEach(other -> toVisit.push((Patient) daos.getResourceDao(Patient.class)
              .read(other, new SystemRequestDetails())));
    }
    return ids;
  }

  /** The resources found, by the id of the Patient each is about. */
  private <T extends IBaseResource> Map<String, List<T>> bySubject(Class<T> type, SearchParameterMap query,
      Function<T, Reference> subject) {
    Map<String, List<T>> found = new HashMap<>();
    daos.getResourceDao(type).searchForResources(query, new SystemRequestDetails()).forEach(resource -> {
      T typed = type.cast(resource);
      found.computeIfAbsent(subject.apply(typed).getReferenceElement().getIdPart(), client -> new ArrayList<>())
          .add(typed);
    });
    return found;
  }
}
