package org.casemgmt.adapter.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A stay's diagnosis moves on with DG1-6 (admitting, working, final), never back, whatever order messages arrive in. */
class DiagnosisProgressTest {

  @ParameterizedTest(name = "stored DG1-6 {0}, sent {1}: {2}")
  @CsvSource(nullValues = "-", value = {
      // stored DG1-6, sent DG1-6, resulting verification status (- : the stored diagnosis is left as it is)
      "A, A, -",
      "A, W, -",           // admitting and working are both provisional: nothing to write
      "A, F, confirmed",
      "W, F, confirmed",
      "F, A, -",           // an admission arriving after the discharge does not undo the final diagnosis
      "F, W, -",
      "-, A, provisional", // a DG1 first sent without a type
      "A, -, -"})
  void aDiagnosisMovesForwardOnly(String stored, String sent, String result) {
    Condition before = diagnosis(verificationOf(stored));
    Optional<Condition> after = DiagnosisProgress.sentAgain(before, diagnosis(verificationOf(sent)));

    assertThat(after.map(progressed -> progressed.getVerificationStatus().getCodingFirstRep().getCode()))
        .isEqualTo(Optional.ofNullable(result));
    after.ifPresent(progressed -> assertThat(progressed.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("encounter-diagnosis"));
  }

  @ParameterizedTest(name = "{0}: withdrawn {1}")
  @CsvSource({"provisional, true", "confirmed, true", "refuted, false", "entered-in-error, false"})
  void aDiagnosisLeftOutOfACompleteListIsRefutedOnce(String verification, boolean changes) {
    Optional<Condition> withdrawn = DiagnosisProgress.withdrawn(diagnosis(verification));
    assertThat(withdrawn.isPresent()).isEqualTo(changes);
    withdrawn.ifPresent(refuted -> {
      assertThat(refuted.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("refuted");
      assertThat(refuted.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("inactive");
    });
  }

  @org.junit.jupiter.api.Test
  void aWithdrawnDiagnosisSentAgainIsCurrentAgain() {
    Condition refuted = DiagnosisProgress.withdrawn(diagnosis("provisional")).orElseThrow();
    Condition again = DiagnosisProgress.sentAgain(refuted, diagnosis("provisional")).orElseThrow();
    assertThat(again.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
    assertThat(again.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
  }

  /** DG1-6 as the ADT mapping reads it (table 0052). */
  private static String verificationOf(String type) {
    return type == null ? null : "F".equals(type) ? "confirmed" : "provisional";
  }

  /** A Condition as the ADT mapping makes it from a DG1. */
  private static Condition diagnosis(String verification) {
    Condition condition = new Condition();
    condition.addCategory(new CodeableConcept().addCoding(new Coding(
        "http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", null)));
    condition.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
        "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
    if (verification != null) {
      condition.setVerificationStatus(new CodeableConcept().addCoding(new Coding(
          "http://terminology.hl7.org/CodeSystem/condition-ver-status", verification, null)));
    }
    return condition;
  }
}
