package org.casemgmt.adapter.eligibility.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisSource;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;

/**
 * Diagnoses clinicians recorded (problem-list items, encounter diagnoses from ADT DG1 segments or an EHR's API), each
 * ICD-10-CM coding one fact. The claims feed's summary Conditions are left out: claim diagnoses are read per claim
 * from the claims feed ({@link ClaimDiagnoses}), and counting the summary as well would let a billing code pass for a
 * clinician's diagnosis.
 */
final class ConditionDiagnoses {
  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String CLAIMS_DIAGNOSIS = ImplementationGuide.CANONICAL + "/sid/claims-diagnosis";
  /**
   * Verification statuses that say the diagnosis is not (or not yet) the clinician's conclusion: an admitting
   * diagnosis (DG1-6 "A") is provisional. A Condition without a verification status is taken as stated: the
   * element is optional and most senders leave it out.
   */
  private static final Set<String> NOT_CONFIRMED =
      Set.of("entered-in-error", "refuted", "provisional", "differential", "unconfirmed");
  private static final Set<String> NOT_ACTIVE = Set.of("inactive", "remission", "resolved");

  private ConditionDiagnoses() {
  }

  static List<DiagnosisFact> facts(Condition condition) {
    boolean fromClaims = condition.getIdentifier().stream()
        .anyMatch(identifier -> CLAIMS_DIAGNOSIS.equals(identifier.getSystem()));
    if (fromClaims || has(condition.getVerificationStatus(), NOT_CONFIRMED)) {
      return List.of();
    }
    LocalDate until = abated(condition);
    // Resolved without saying when: it cannot be placed against an evaluation date, so it confirms nothing.
    if (until == null && has(condition.getClinicalStatus(), NOT_ACTIVE)) {
      return List.of();
    }
    LocalDate date = recorded(condition);
    if (date == null) {
      return List.of();
    }
    return condition.getCode().getCoding().stream()
        .filter(coding -> ICD_10_CM.equals(coding.getSystem()) && coding.hasCode())
        .map(coding -> new DiagnosisFact(coding.getCode(), DiagnosisSource.CLINICIAN_CONDITION, date, until, false,
            References.of(condition)))
        .toList();
  }

  /** When it was recorded, else its onset, else when it reached this record. */
  private static LocalDate recorded(Condition condition) {
    LocalDate recorded = FhirDates.day(condition.getRecordedDateElement());
    if (recorded == null && condition.hasOnsetDateTimeType()) {
      recorded = FhirDates.day(condition.getOnsetDateTimeType());
    }
    if (recorded == null && condition.hasOnsetPeriod()) {
      recorded = FhirDates.day(condition.getOnsetPeriod().getStartElement());
    }
    if (recorded == null && condition.getMeta().hasLastUpdated()) {
      recorded = condition.getMeta().getLastUpdated().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    return recorded;
  }

  private static LocalDate abated(Condition condition) {
    if (condition.hasAbatementDateTimeType()) {
      return FhirDates.day(condition.getAbatementDateTimeType());
    }
    if (condition.hasAbatementPeriod()) {
      LocalDate end = FhirDates.day(condition.getAbatementPeriod().getEndElement());
      return end != null ? end : FhirDates.day(condition.getAbatementPeriod().getStartElement());
    }
    return null;
  }

  private static boolean has(CodeableConcept status, Set<String> codes) {
    return status.getCoding().stream().anyMatch(coding -> codes.contains(coding.getCode()));
  }
}
