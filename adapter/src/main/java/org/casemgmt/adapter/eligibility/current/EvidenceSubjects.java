package org.casemgmt.adapter.eligibility.current;

import java.util.Optional;
import java.util.Set;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Which client a stored resource is eligibility evidence about: the kinds of record the engine reads (stays,
 * diagnoses, coverage, the client's own addresses and birth date, scores, screening responses). The determinations and
 * impairment evidence an evaluation writes are not evidence, or every evaluation would set off the next.
 */
final class EvidenceSubjects {
  private static final Set<String> EVALUATION_OUTPUT = Set.of(
      ImplementationGuide.CANONICAL + "/sid/eligibility-determination",
      ImplementationGuide.CANONICAL + "/sid/impairment-evidence");

  private EvidenceSubjects() {
  }

  /** The Patient id the resource is evidence about; empty when it is not evidence or names no Patient. */
  static Optional<String> clientOf(IBaseResource resource) {
    if (resource instanceof Patient patient) {
      return Optional.ofNullable(patient.getIdElement().getIdPart());
    }
    if (resource instanceof Encounter encounter) {
      return patientId(encounter.getSubject());
    }
    if (resource instanceof Condition condition) {
      return patientId(condition.getSubject());
    }
    if (resource instanceof Coverage coverage) {
      return patientId(coverage.getBeneficiary());
    }
    if (resource instanceof QuestionnaireResponse response) {
      return patientId(response.getSubject());
    }
    if (resource instanceof Observation observation && !evaluationOutput(observation)) {
      return patientId(observation.getSubject());
    }
    return Optional.empty();
  }

  private static boolean evaluationOutput(Observation observation) {
    return observation.getIdentifier().stream().anyMatch(id -> EVALUATION_OUTPUT.contains(id.getSystem()));
  }

  private static Optional<String> patientId(Reference reference) {
    if (reference == null || !reference.hasReference()
        || !"Patient".equals(reference.getReferenceElement().getResourceType())) {
      return Optional.empty();
    }
    return Optional.ofNullable(reference.getReferenceElement().getIdPart());
  }
}
