package org.casemgmt.adapter.eligibility.record;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.routes.adt.AdtMappingTables;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
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
  private final StagedClaimDiagnoses claimDiagnoses;
  private final EvidenceFromRecord mapping;
  private final String medicaidSystem;

  ClientRecordReader(DaoRegistry daos, ClientIdentity identity, StagedClaimDiagnoses claimDiagnoses,
      CoverageTypes coverageTypes, AdtMappingTables tables) {
    this.daos = daos;
    this.identity = identity;
    this.claimDiagnoses = claimDiagnoses;
    this.mapping = new EvidenceFromRecord(coverageTypes);
    this.medicaidSystem = tables.medicaid().system();
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

  /** What the engine may know about the client; {@code client} is a survivor ({@link #client}). */
  public ClientEvidence evidence(Patient client) {
    return mapping.evidence(read(client));
  }

  ClientRecord read(Patient client) {
    ReferenceParam subject = new ReferenceParam("Patient/" + client.getIdElement().getIdPart());
    TokenOrListParam scoreCodes = new TokenOrListParam();
    Assessments.SCORES.keySet().forEach(code -> scoreCodes.add(code.substring(0, code.indexOf('|')),
        code.substring(code.indexOf('|') + 1)));
    return new ClientRecord(
        client,
        search(Encounter.class, SearchParameterMap.newSynchronous().add(Encounter.SP_SUBJECT, subject)),
        search(Condition.class, SearchParameterMap.newSynchronous().add(Condition.SP_SUBJECT, subject)),
        search(Coverage.class, SearchParameterMap.newSynchronous().add(Coverage.SP_BENEFICIARY, subject)),
        search(Observation.class, SearchParameterMap.newSynchronous().add(Observation.SP_SUBJECT, subject)
            .add(Observation.SP_CODE, scoreCodes)),
        search(QuestionnaireResponse.class,
            SearchParameterMap.newSynchronous().add(QuestionnaireResponse.SP_SUBJECT, subject)),
        claimDiagnoses.of(medicaidIds(client)));
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

  private <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap query) {
    return daos.getResourceDao(type).searchForResources(query, new SystemRequestDetails()).stream()
        .map(type::cast).toList();
  }
}
