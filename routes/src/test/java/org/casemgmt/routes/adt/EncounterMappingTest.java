package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PV1 becomes the visit's Encounter: identity from the visit number, status and period from the event. */
class EncounterMappingTest {

  @Test
  void sampleA01VisitNumberClassPeriodAndLocation() throws Exception {
    Encounter encounter = AdtFixtures.parseSample("ADT-A01-01.hl7").encounter();
    assertThat(encounter.getIdentifierFirstRep().getSystem()).isEqualTo("https://ghh.example.org/sid/visit");
    assertThat(encounter.getIdentifierFirstRep().getValue()).isEqualTo("40007716");
    assertThat(encounter.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("VN");
    assertThat(encounter.getClass_().getCode()).as("PV1-2 P, pre-admit").isEqualTo("PRENC");
    assertThat(encounter.getStatus()).isEqualTo(EncounterStatus.INPROGRESS);
    assertThat(encounter.getPeriod().getStartElement().getValueAsString()).isEqualTo("2015-02-08T11:34:19+01:10");
    assertThat(encounter.getPeriod().hasEnd()).isFalse();
    assertThat(encounter.getServiceType().getCodingFirstRep().getCode()).isEqualTo("SUR");
    assertThat(encounter.getServiceType().getCodingFirstRep().getSystem())
        .isEqualTo("urn:casemgmt:v2:ghhsfacility:hospital-service");
    assertThat(encounter.getLocationFirstRep().getLocation().getDisplay()).isEqualTo("HUH AE OMU / OMU B / Bed 03");
    assertThat(encounter.getType()).as("a pre-admission is not a hospitalization").isEmpty();
    assertThat(encounter.getMeta().hasProfile()).isFalse();
    assertThat(encounter.hasSubject()).isFalse();
  }

  /** This sender leaves PV1-19 empty and keys the stay on the patient account number. */
  @Test
  void withoutAVisitNumberTheStayIsKnownByItsAccountNumber() throws Exception {
    Encounter encounter = AdtFixtures.parseSample("ADT01-28.hl7").encounter();
    assertThat(encounter.getIdentifierFirstRep().getValue()).isEqualTo("PATID12345001");
    assertThat(encounter.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("AN");
    assertThat(encounter.getIdentifierFirstRep().getSystem()).endsWith(":account");
  }

  /** Neither a visit nor an account number: the patient's identifier and the admission time key the stay. */
  @Test
  void withoutVisitAndAccountNumbersTheStayIsKnownByPatientAndAdmissionTime() throws Exception {
    Encounter encounter = AdtFixtures.parser().parse(
        TestMessage.a01().set("PV1", 19, "").text()).encounter();
    assertThat(encounter.getIdentifierFirstRep().getSystem()).endsWith(":patient-admission");
    assertThat(encounter.getIdentifierFirstRep().getValue()).isEqualTo("MRN-778812@20250302211400-0600");
    assertThat(encounter.getIdentifierFirstRep().hasType()).isFalse();
  }

  @Test
  void sampleA03IsFinishedWithDischargeTime() throws Exception {
    Encounter encounter = AdtFixtures.parseSample("ADT-A03-01.hl7").encounter();
    assertThat(encounter.getStatus()).isEqualTo(EncounterStatus.FINISHED);
    assertThat(encounter.getPeriod().getEndElement().getValueAsString()).isEqualTo("2015-02-09T11:34:19+01:10");
    assertThat(encounter.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode())
        .isEqualTo("Admitted as Inpatient");
  }

  @Test
  void sampleA11IsCancelled() throws Exception {
    assertThat(AdtFixtures.parseSample("ADT-A11-01.hl7").encounter().getStatus()).isEqualTo(EncounterStatus.CANCELLED);
    assertThat(AdtFixtures.parseSample("ADT-A11-02.hl7").encounter().getStatus()).isEqualTo(EncounterStatus.CANCELLED);
  }

  @Test
  void sampleA13IsInProgressAgainWithoutAnEndEvenWhenPv145IsSent() throws Exception {
    Encounter encounter = AdtFixtures.parseSample("ADT-A13-02.hl7").encounter(); // PV1-45 valued
    assertThat(encounter.getStatus()).isEqualTo(EncounterStatus.INPROGRESS);
    assertThat(encounter.getPeriod().hasEnd()).isFalse();
  }

  @Test
  void sampleA06IsAnInpatientHospitalization() throws Exception {
    Encounter encounter = AdtFixtures.parseSample("ADT-A06-01.hl7").encounter();
    assertThat(encounter.getClass_().getCode()).isEqualTo("IMP");
    assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("medical-inpatient");
    assertThat(encounter.getMeta().hasProfile(Guide.HOSPITALIZATION)).isTrue();
  }

  @Test
  void sampleA07IsAmbulatoryAndNoHospitalization() throws Exception {
    Encounter encounter = AdtFixtures.parseSample("ADT-A07-01.hl7").encounter();
    assertThat(encounter.getClass_().getCode()).isEqualTo("AMB");
    assertThat(encounter.getStatus()).isEqualTo(EncounterStatus.INPROGRESS);
    assertThat(encounter.getMeta().hasProfile()).isFalse();
  }

  @Test
  void outpatientRegistrationIsAnOrdinaryEncounter() throws Exception {
    Encounter encounter = AdtFixtures.parseSample("ADT04-23.hl7").encounter(); // v2.3, PV1-2 O
    assertThat(encounter.getClass_().getCode()).isEqualTo("AMB");
    assertThat(encounter.getStatus()).isEqualTo(EncounterStatus.ARRIVED);
    assertThat(encounter.getMeta().hasProfile()).isFalse();
    assertThat(encounter.getType()).isEmpty();
  }

  @ParameterizedTest(name = "PV1-2 {0} -> {1} {2}")
  @CsvSource({
      "E, http://terminology.hl7.org/CodeSystem/v3-ActCode, EMER",
      "I, http://terminology.hl7.org/CodeSystem/v3-ActCode, IMP",
      "O, http://terminology.hl7.org/CodeSystem/v3-ActCode, AMB",
      "P, http://terminology.hl7.org/CodeSystem/v3-ActCode, PRENC",
      "R, http://terminology.hl7.org/CodeSystem/v2-0004, R",
      "B, http://terminology.hl7.org/CodeSystem/v2-0004, B",
      "'', http://terminology.hl7.org/CodeSystem/v3-NullFlavor, UNK"})
  void patientClassBecomesEncounterClass(String patientClass, String system, String code) throws Exception {
    Encounter encounter = AdtFixtures.parser().parse(TestMessage.a01().set("PV1", 2, patientClass).text()).encounter();
    assertThat(encounter.getClass_().getSystem()).isEqualTo(system);
    assertThat(encounter.getClass_().getCode()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} at {1} / service {2} -> {3}")
  @CsvSource({
      "I, 5EAST, MED, psychiatric-inpatient",
      "I, 3WEST, PSY, psychiatric-inpatient",
      "I, 3WEST, MED, medical-inpatient",
      "E, ED, PSY, psychiatric-emergency",
      "E, ED, MED, medical-emergency"})
  void psychiatricUnitsAndServicesComeFromTheFacilityTable(String patientClass, String unit, String service,
                                                           String kind) throws Exception {
    Encounter encounter = AdtFixtures.parser().parse(TestMessage.a01()
        .set("PV1", 2, patientClass).set("PV1", 3, unit + "^1^A").set("PV1", 10, service).text()).encounter();
    assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(EncounterKind.SYSTEM);
    assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo(kind);
    assertThat(encounter.getMeta().hasProfile(Guide.HOSPITALIZATION)).isTrue();
  }

  @Test
  void anotherFacilitysPsychiatricCodesDoNotCount() throws Exception {
    Encounter encounter = AdtFixtures.parser().parse(TestMessage.a01()
        .set("MSH", 4, "RIVERVIEW").set("PV1", 3, "5EAST^1^A").text()).encounter();
    assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("medical-inpatient");
    assertThat(encounter.getIdentifierFirstRep().getSystem()).isEqualTo("https://riverview.example.org/sid/visit");
  }

  @ParameterizedTest(name = "unlisted facility, PV1-2 {0}, DG1s {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      "I; F200^Paranoid schizophrenia^I10; psychiatric-inpatient",
      "E; F32.9^Major depressive disorder^I10; psychiatric-emergency",
      "I; F10.20^Alcohol dependence^I10; medical-inpatient",        // substance use: not on the list
      "I; J189^Pneumonia^I10; medical-inpatient",
      "I; 29590^Schizophrenia^I9; medical-inpatient",               // not ICD-10-CM
      "I; ; medical-inpatient",
      // DG1-15 priority 1 is the principal diagnosis, wherever it stands
      "I; J189^Pneumonia^I10|F200^Paranoid schizophrenia^I10:1; psychiatric-inpatient",
      "I; F200^Paranoid schizophrenia^I10|J189^Pneumonia^I10:1; medical-inpatient"})
  void aStayAtAnUnlistedFacilityIsClassifiedByItsPrincipalDiagnosis(String patientClass, String diagnoses,
      String kind) throws Exception {
    TestMessage message = TestMessage.a01().set("MSH", 4, "LAKESHORE").set("PV1", 2, patientClass)
        .set("PV1", 10, "PSY").without("DG1");
    int setId = 1;
    for (String diagnosis : diagnoses == null ? new String[0] : diagnoses.split("\\|")) {
      String[] codeAndPriority = diagnosis.split(":");
      message.add("DG1|" + setId++ + "||" + codeAndPriority[0] + "||20250303|A|||||||||"
          + (codeAndPriority.length > 1 ? codeAndPriority[1] : ""));
    }
    Encounter encounter = AdtFixtures.parser().parse(message.text()).encounter();
    assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo(kind);
    assertThat(encounter.getTypeFirstRep().getText()).contains("LAKESHORE is not in the site tables");
  }

  @ParameterizedTest(name = "PV1-2 {0} at the state hospital -> {1}")
  @CsvSource({"I, state-psychiatric-hospital", "E, medical-emergency"})
  void everyStayAtAStatePsychiatricHospitalIsAStateHospitalStay(String patientClass, String kind)
      throws Exception {
    Encounter encounter = AdtFixtures.parser().parse(TestMessage.a01().set("MSH", 4, "MCFARLAND")
        .set("PV1", 2, patientClass).set("PV1", 3, "WARD2^1^A").set("PV1", 10, "MED").text()).encounter();
    assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo(kind);
    assertThat(encounter.getIdentifierFirstRep().getSystem()).isEqualTo("https://mcfarland.example.org/sid/visit");
  }

  @Test
  void admitWithoutPv144StartsAtTheEventTime() throws Exception {
    Encounter encounter = AdtFixtures.parser().parse(TestMessage.a01().set("PV1", 44, "").text()).encounter();
    assertThat(encounter.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-03-02T21:14:00-06:00");
  }

  @Test
  void dischargeWithoutPv145EndsAtTheEventTime() throws Exception {
    Encounter encounter = AdtFixtures.parser().parse(TestMessage.adt("A03")
        .set("EVN", 2, "20250311103000-0600").text()).encounter();
    assertThat(encounter.getStatus()).isEqualTo(EncounterStatus.FINISHED);
    assertThat(encounter.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-03-11T10:30:00-06:00");
  }

  @Test
  void timesWithoutOffsetAreInTheFacilitysZone() throws Exception {
    Encounter northside = AdtFixtures.parser().parse(TestMessage.a01().set("PV1", 44, "202507011200").text())
        .encounter();
    Encounter riverview = AdtFixtures.parser().parse(TestMessage.a01().set("MSH", 4, "RIVERVIEW")
        .set("PV1", 44, "202507011200").text()).encounter();
    assertThat(northside.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-07-01T12:00:00-05:00");
    assertThat(riverview.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-07-01T12:00:00-04:00");
  }

  @Test
  void updateWithoutVisitNumberUpdatesThePatientOnly() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.adt("A08").set("PV1", 19, "").text());
    assertThat(message.patient()).isNotNull();
    assertThat(message.encounter()).isNull();
    assertThat(message.diagnoses()).isEmpty();
  }

  @Test
  void messageWithoutPv1HasNoEncounter() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.adt("A08").without("PV1").without("DG1").text());
    assertThat(message.encounter()).isNull();
  }
}
