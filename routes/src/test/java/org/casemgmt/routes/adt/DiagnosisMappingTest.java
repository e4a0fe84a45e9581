package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DG1 becomes encounter diagnoses whose identity survives re-delivery. */
class DiagnosisMappingTest {

  @Test
  void sampleA01DiagnosisIsSnomedCodedAndProvisional() throws Exception {
    // DG1|1|I9|422504002^Ischemic stroke(disorder)^SCT|Stroke|20040125114025+0420|A: CWE-3 wins over DG1-2.
    List<Condition> diagnoses = AdtFixtures.parseSample("ADT-A01-01.hl7").diagnoses();
    assertThat(diagnoses).hasSize(1);
    Condition diagnosis = diagnoses.get(0);
    assertThat(diagnosis.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
    assertThat(diagnosis.getCode().getCodingFirstRep().getCode()).isEqualTo("422504002");
    assertThat(diagnosis.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
    assertThat(diagnosis.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");
    assertThat(diagnosis.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
    assertThat(diagnosis.getRecordedDateElement().getValueAsString()).isEqualTo("2004-01-25T11:40:25+04:20");
    assertThat(diagnosis.getIdentifierFirstRep().getSystem()).isEqualTo("urn:casemgmt:v2:ghhsfacility:diagnosis");
    assertThat(diagnosis.getIdentifierFirstRep().getValue()).isEqualTo("40007716|http://snomed.info/sct|422504002");
    assertThat(diagnosis.getMeta().hasProfile()).as("not ICD-10-CM").isFalse();
    assertThat(diagnosis.hasSubject() || diagnosis.hasEncounter()).isFalse();
  }

  @Test
  void icd9CodeOfAVersion23SampleGetsItsDot() throws Exception {
    Condition diagnosis = AdtFixtures.parseSample("ADT01-23.hl7").diagnoses().get(0); // 71596^...^I9
    assertThat(diagnosis.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-9-cm");
    assertThat(diagnosis.getCode().getCodingFirstRep().getCode()).isEqualTo("715.96");
  }

  @Test
  void icd10CodeWithoutDotIsNormalisedAndClaimsTheDiagnosisProfile() throws Exception {
    Condition diagnosis = AdtFixtures.parser().parse(TestMessage.a01().text()).diagnoses().get(0);
    assertThat(diagnosis.getCode().getCodingFirstRep().getSystem()).isEqualTo(Guide.ICD_10_CM);
    assertThat(diagnosis.getCode().getCodingFirstRep().getCode()).isEqualTo("F20.0");
    assertThat(diagnosis.getIdentifierFirstRep().getValue())
        .isEqualTo("V-2025-000981|http://hl7.org/fhir/sid/icd-10-cm|F20.0");
    assertThat(diagnosis.getMeta().hasProfile(Guide.DIAGNOSIS)).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource({
      "I10, F200, http://hl7.org/fhir/sid/icd-10-cm, F20.0",
      "I10C, f31.81, http://hl7.org/fhir/sid/icd-10-cm, F31.81",
      "ICD10CM, F25, http://hl7.org/fhir/sid/icd-10-cm, F25",
      "ICD-10-CM, Z5900, http://hl7.org/fhir/sid/icd-10-cm, Z59.00",
      "I9C, 29590, http://hl7.org/fhir/sid/icd-9-cm, 295.90",
      "SCT, 58214004, http://snomed.info/sct, 58214004",
      "SNM, 58214004, http://snomed.info/sct, 58214004",
      "99LOCAL, SCHZ, urn:casemgmt:v2:coding-system:99local, SCHZ"})
  void codingSystemsAreMappedAndIcdCodesDotted(String name, String code, String system, String normalised)
      throws Exception {
    Condition diagnosis = AdtFixtures.parser().parse(TestMessage.a01()
        .set("DG1", 3, code + "^Diagnosis^" + name).text()).diagnoses().get(0);
    assertThat(diagnosis.getCode().getCodingFirstRep().getSystem()).isEqualTo(system);
    assertThat(diagnosis.getCode().getCodingFirstRep().getCode()).isEqualTo(normalised);
  }

  @Test
  void dg12NamesTheSystemWhenCwe3IsEmpty() throws Exception {
    Condition diagnosis = AdtFixtures.parser().parse(TestMessage.a01()
        .set("DG1", 2, "I10").set("DG1", 3, "F319^Bipolar disorder").text()).diagnoses().get(0);
    assertThat(diagnosis.getCode().getCodingFirstRep().getSystem()).isEqualTo(Guide.ICD_10_CM);
    assertThat(diagnosis.getCode().getCodingFirstRep().getCode()).isEqualTo("F31.9");
  }

  @ParameterizedTest(name = "DG1-6 {0} -> {1}")
  @CsvSource({"A, provisional", "W, provisional", "F, confirmed"})
  void diagnosisTypeGivesVerificationStatus(String type, String status) throws Exception {
    Condition diagnosis = AdtFixtures.parser().parse(TestMessage.a01().set("DG1", 6, type).text()).diagnoses().get(0);
    assertThat(diagnosis.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo(status);
  }

  @Test
  void theSameDiagnosisTwiceIsOneCondition() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01()
        .add("DG1|2||F20.0^Paranoid schizophrenia^I10||20250304|F")
        .add("DG1|3||F17210^Nicotine dependence^I10||20250304|F").text());
    assertThat(message.diagnoses()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
        .containsExactly("F20.0", "F17.210");
  }

  @Test
  void redeliveryGivesTheSameIdentity() throws Exception {
    String raw = TestMessage.a01().text();
    Condition first = AdtFixtures.parser().parse(raw).diagnoses().get(0);
    Condition again = AdtFixtures.parser().parse(raw).diagnoses().get(0);
    assertThat(again.getIdentifierFirstRep().equalsDeep(first.getIdentifierFirstRep())).isTrue();
  }
}
