package org.casemgmt.adapter.adt;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * How a stay's diagnosis changes as later messages send it again. DG1-6 (HL7 table 0052) moves forward only:
 * admitting and working diagnoses are provisional, a final one confirmed, and a confirmed diagnosis stays confirmed
 * whatever order the messages arrive in (an admission re-sent after the discharge does not undo it). A diagnosis a
 * message no longer lists is withdrawn only where the event's list is complete (see {@link AdtRecordingProperties}).
 */
final class DiagnosisProgress {
  private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  private static final Map<String, Integer> STAGE = Map.of("provisional", 1, "confirmed", 2);

  private DiagnosisProgress() {
  }

  /**
   * The stored diagnosis as the message's DG1 leaves it, or empty when the message tells nothing new (an earlier
   * stage, or the same). A diagnosis withdrawn by an earlier list and sent again is current again.
   */
  static Optional<Condition> sentAgain(Condition stored, Condition incoming) {
    boolean withdrawn = "refuted".equals(verification(stored));
    if (!withdrawn && stage(incoming) <= stage(stored)) {
      return Optional.empty();
    }
    Condition progressed = stored.copy();
    progressed.setVerificationStatus(incoming.hasVerificationStatus() ? incoming.getVerificationStatus().copy() : null);
    progressed.setClinicalStatus(incoming.getClinicalStatus().copy());
    return Optional.of(progressed);
  }

  /**
   * A diagnosis the event's complete list (A08) no longer holds: refuted and inactive, kept for the record; empty
   * when it is already withdrawn or entered in error.
   */
  static Optional<Condition> withdrawn(Condition stored) {
    String verification = verification(stored);
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
      return Optional.empty();
    }
    Condition refuted = stored.copy();
    refuted.setVerificationStatus(new CodeableConcept().addCoding(new Coding(VERIFICATION, "refuted", "Refuted")));
    refuted.setClinicalStatus(new CodeableConcept().addCoding(new Coding(CLINICAL, "inactive", "Inactive")));
    return Optional.of(refuted);
  }

  private static int stage(Condition diagnosis) {
    String verification = verification(diagnosis);
    return verification == null ? 0 : STAGE.getOrDefault(verification, 0);
  }

  private static String verification(Condition diagnosis) {
    return diagnosis.getVerificationStatus().getCodingFirstRep().getCode();
  }
}
