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
import org.junit.jupiter.params.provider.CsvSource;

/** Which Conditions are a clinician's diagnosis, of which ICD-10-CM codes, from when and until when. */
class ConditionDiagnosesTest {
  private static final String SNOMED = "http://snomed.info/sct";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # case                                                | verification     | clinical | recorded   | onset      | abated     | facts
      an active confirmed diagnosis counts from its recording | confirmed     | active   | 2025-01-05 | 2024-11-01 | -          | F20.9 2025-01-05..
      one without a verification status is taken as stated   | -             | active   | 2025-01-05 | -          | -          | F20.9 2025-01-05..
      one without a clinical status is taken as current       | confirmed     | -        | 2025-01-05 | -          | -          | F20.9 2025-01-05..
      an admitting diagnosis is provisional                   | provisional   | active   | 2025-01-05 | -          | -          | none
      a differential diagnosis is not a conclusion            | differential  | active   | 2025-01-05 | -          | -          | none
      a refuted diagnosis is not the client's                 | refuted       | -        | 2025-01-05 | -          | -          | none
      a diagnosis of a cancelled stay never was               | entered-in-error | -     | 2025-01-05 | -          | -          | none
      a resolved diagnosis holds until it abated              | confirmed     | resolved | 2025-01-05 | -          | 2025-06-01 | F20.9 2025-01-05..2025-06-01
      resolved without a date cannot be placed               | confirmed     | resolved | 2025-01-05 | -          | -          | none
      in remission without a date cannot be placed            | confirmed     | remission | 2025-01-05 | -         | -          | none
      without a recorded date the onset stands for it         | confirmed     | active   | -          | 2024-11-01 | -          | F20.9 2024-11-01..
      """)
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
