package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisSource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Which Conditions are a clinician's diagnosis, of which ICD-10-CM codes, from when and until when.
 * The cases, one per row: {@code src/test/resources/eligibility/record/conditions.csv}.
 */
class ConditionDiagnosesTest {
  private static final String SNOMED = "http://snomed.info/sct";

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/eligibility/record/conditions.csv", delimiter = '|', nullValues = "-",
      numLinesToSkip = 1)
  void facts(String name, String verification, String clinical, String recorded, String onset, String abated,
      String expected) {
    Condition condition = condition("F20.9");
    if (verification != null) {
      condition.setVerificationStatus(new CodeableConcept(new Coding(
          "http://terminology.hl7.org/CodeSystem/condition-ver-status", verification, null)));
    }
    if (clinical != null) {
      condition.setClinicalStatus(new CodeableConcept(new Coding(
          "http://terminology.hl7.org/CodeSystem/condition-clinical", clinical, null)));
    }
    condition.setRecordedDateElement(recorded == null ? null : new DateTimeType(recorded));
    if (onset != null) {
      condition.setOnset(new DateTimeType(onset));
    }
    if (abated != null) {
      condition.setAbatement(new DateTimeType(abated));
    }

    assertThat(describe(ConditionDiagnoses.facts(condition))).isEqualTo(expected);
  }

  @Test
  void everyIcd10CmCodingIsAFactAndOtherSystemsAreNot() {
    Condition condition = condition("F31.9");
    condition.getCode().addCoding(new Coding(SNOMED, "13746004", null));
    condition.getCode().addCoding(new Coding(ConditionDiagnoses.ICD_10_CM, "F31.2", null));

    List<DiagnosisFact> facts = ConditionDiagnoses.facts(condition);

    assertThat(facts).extracting(DiagnosisFact::code).containsExactly("F31.9", "F31.2");
    assertThat(facts).allSatisfy(fact -> {
      assertThat(fact.source()).isEqualTo(DiagnosisSource.CLINICIAN_CONDITION);
      assertThat(fact.denied()).isFalse();
      assertThat(fact.reference()).isEqualTo("Condition/3");
    });
  }

  @Test
  void theClaimsFeedsSummaryConditionsAreNotAClinicianDiagnosis() {
    Condition summary = condition("F20.9");
    summary.addIdentifier().setSystem(ConditionDiagnoses.CLAIMS_DIAGNOSIS)
        .setValue("MCD1|DX|http://hl7.org/fhir/sid/icd-10-cm|F20.9");

    assertThat(ConditionDiagnoses.facts(summary)).isEmpty();
  }

  @Test
  void aDiagnosisCodedOnlyInSnomedIsNotRead() {
    Condition condition = new Condition();
    condition.setId("Condition/4");
    condition.setCode(new CodeableConcept(new Coding(SNOMED, "58214004", null)));
    condition.setRecordedDateElement(new DateTimeType("2025-01-05"));

    assertThat(ConditionDiagnoses.facts(condition)).isEmpty();
  }

  private static Condition condition(String icd10cm) {
    Condition condition = new Condition();
    condition.setId("Condition/3");
    condition.setCode(new CodeableConcept(new Coding(ConditionDiagnoses.ICD_10_CM, icd10cm, null)));
    condition.setRecordedDateElement(new DateTimeType("2025-01-05"));
    return condition;
  }

  private static String describe(List<DiagnosisFact> facts) {
    return facts.isEmpty() ? "none" : String.join("; ", facts.stream()
        .map(fact -> fact.code() + " " + fact.date() + ".." + (fact.until() == null ? "" : fact.until())).toList());
  }
}
