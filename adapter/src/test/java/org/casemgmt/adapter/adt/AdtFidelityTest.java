package org.casemgmt.adapter.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casemgmt.adapter.testing.MllpSender.ackCode;
import static org.casemgmt.adapter.testing.MllpSender.field;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.MllpSender;
import org.casemgmt.routes.adt.AdtParser;
import org.casemgmt.routes.adt.AdtRejection;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * What real senders do that a receiver must take in its stride (issue 17): control ids reused, optional fields left
 * out, visit numbers with spaces, several merges in one A40; and the acknowledgement codes that tell them the truth.
 */
class AdtFidelityTest extends FhirServerTest {
  private static final String NORTHSIDE_MRN = "https://northside.example.org/sid/mrn";
  private static final String NORTHSIDE_VISIT = "https://northside.example.org/sid/visit";

  @Autowired
  private AdtParser parser;
  @Autowired
  private AutowireCapableBeanFactory beans;
  @Autowired
  private io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void theSameMessageAgainWithOtherSegmentEndingsIsADuplicateAndWritesNothing() {
    Visit visit = new Visit("NORTHSIDE");
    String admission = visit.message("A01");
    assertThat(ackCode(send(admission))).isEqualTo("AA");
    Encounter first = stay(visit);

    assertThat(ackCode(send("\uFEFF" + admission.replace("\r", "\r\n")))).isEqualTo("AA");

    assertThat(stay(visit).getMeta().getVersionId()).isEqualTo(first.getMeta().getVersionId());
    assertThat(search(Provenance.class, "Provenance?target=Encounter/" + first.getIdPart())).hasSize(1);
  }

  @Test
  void aDischargeUnderTheControlIdOfTheAdmissionIsRecordedNotDropped() {
    Visit visit = new Visit("NORTHSIDE");
    String controlId = "RESET" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(ackCode(send(visit.message("A01", controlId)))).isEqualTo("AA");

    // The sender's counter was reset: its discharge reuses the admission's control id.
    assertThat(ackCode(send(visit.message("A03", controlId)))).isEqualTo("AA");

    assertThat(stay(visit).getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
    // Either message delivered once more is a duplicate of what was recorded under that control id.
    assertThat(ackCode(send(visit.message("A03", controlId)))).isEqualTo("AA");
    assertThat(ackCode(send(visit.message("A01", controlId)))).isEqualTo("AA");
    assertThat(stay(visit).getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
    assertThat(search(Provenance.class, "Provenance?target=Encounter/" + stay(visit).getIdPart())).hasSize(2);
  }

  @Test
  void whereReusedControlIdsAreRefusedTheSenderIsToldWhichOneAndNothingIsWritten() throws Exception {
    HospitalizationRecorder strict = strictRecorder();
    Visit visit = new Visit("NORTHSIDE");
    String controlId = "RESET" + UUID.randomUUID().toString().substring(0, 8);
    strict.record(parser.parse(visit.message("A01", controlId)));

    assertThatThrownBy(() -> strict.record(parser.parse(visit.message("A03", controlId))))
        .isInstanceOfSatisfying(AdtRejection.class, rejection -> {
          assertThat(rejection.ackCode()).isEqualTo("AR");
          assertThat(rejection.errorCode()).isEqualTo(205);
          assertThat(rejection.location()).isEqualTo("MSH-10");
          assertThat(rejection.reason()).contains(controlId).contains("different message");
        });
    assertThat(stay(visit).getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
    // The same message again is still a duplicate, not a conflict.
    assertThat(strict.record(parser.parse(visit.message("A01", controlId))))
        .isEqualTo(org.casemgmt.routes.adt.HospitalizationRecord.Outcome.DUPLICATE);
  }

  /** Messages a sender cannot make succeed by resending, and what it is told. Never AE 207, which means "retry". */
  static Stream<Arguments> messagesSendersGetWrong() {
    return Stream.of(
        // PID-8 is optional: a client first met without it is recorded with gender unknown.
        accepted("blank PID-8", visit -> visit.sex = "", client -> assertThat(client.getGender())
            .isEqualTo(AdministrativeGender.UNKNOWN)),
        // PID-5 too (it is required in v2.3, but a nameless registration is still a stay to record).
        accepted("blank PID-5", visit -> visit.name = "", client -> assertThat(client.getNameFirstRep()
            .getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/data-absent-reason")).isNotNull()),
        accepted("a visit number with a space and a comma", visit -> visit.number = "V " + visit.number + ",2",
            client -> assertThat(client.getGender()).isEqualTo(AdministrativeGender.FEMALE)));
  }

  private static Arguments accepted(String what, Consumer<Visit> change, Consumer<Patient> check) {
    return Arguments.of(what, change, check);
  }

  @ParameterizedTest(name = "{0}: AA")
  @MethodSource("messagesSendersGetWrong")
  void optionalFieldsAreOptional(String what, Consumer<Visit> change, Consumer<Patient> check) {
    Visit visit = new Visit("NORTHSIDE");
    change.accept(visit);
    String ack = send(visit.message("A01"));
    assertThat(ackCode(ack)).as(ack).isEqualTo("AA");
    Encounter stay = stay(visit);
    check.accept(single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + visit.mrn));
    assertThat(single(Condition.class, "Condition?encounter=Encounter/" + stay.getIdPart()).getCode()
        .getCodingFirstRep().getCode()).isEqualTo("F25.0");
  }

  @Test
  void aLaterMessageWithoutSexOrNameKeepsWhatIsKnown() {
    Visit visit = new Visit("NORTHSIDE");
    send(visit.message("A01"));
    visit.sex = "";
    visit.name = "";
    assertThat(ackCode(send(visit.message("A03")))).isEqualTo("AA");

    Patient client = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + visit.mrn);
    assertThat(client.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    assertThat(client.getNameFirstRep().getFamily()).isEqualTo("Rivera");
  }

  @Test
  void aMessageWithoutCountyOrMiddleNameKeepsThemAndAnExplicitNullClearsThem() {
    Visit visit = new Visit("NORTHSIDE");
    send(visit.message("A01")); // Rivera^Dana^M, county Sangamon
    visit.name = "Rivera^Dana";
    visit.address = "12 Elm St^^Springfield^IL^62704^USA^H";
    assertThat(ackCode(send(visit.message("A03")))).isEqualTo("AA");

    Patient client = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + visit.mrn);
    assertThat(client.getNameFirstRep().getGiven()).extracting(given -> given.getValue()).containsExactly("Dana", "M");
    assertThat(client.getAddressFirstRep().getDistrict()).isEqualTo("Sangamon");
    assertThat(client.getMeta().getVersionId()).as("nothing changed").isEqualTo("1");

    // HL7's explicit null: the sender deletes the middle name and the county.
    visit.name = "Rivera^Dana^\"\"";
    visit.address = "12 Elm St^^Springfield^IL^62704^USA^H^^\"\"";
    assertThat(ackCode(send(visit.message("A08")))).isEqualTo("AA");
    client = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + visit.mrn);
    assertThat(client.getNameFirstRep().getGiven()).extracting(given -> given.getValue()).containsExactly("Dana");
    assertThat(client.getAddressFirstRep().hasDistrict()).isFalse();
    assertThat(client.getAddressFirstRep().getCity()).isEqualTo("Springfield");
  }

  @Test
  void identifiersOfTwoClientsAreADuplicateKeyTheSenderMustResolveNotAnInternalError() {
    Visit north = new Visit("NORTHSIDE");
    Visit river = new Visit("RIVERVIEW");
    send(north.message("A01"));
    send(river.message("A01"));
    // Northside's MRN of one client with the Medicaid ID of the other.
    Visit both = new Visit("NORTHSIDE", river.medicaidId);
    String ack = send(both.message("A01").replace(both.mrn + "^^^NORTHSIDE", north.mrn + "^^^NORTHSIDE"));

    assertThat(ackCode(ack)).isEqualTo("AE");
    assertThat(field(ack, "ERR", 2)).isEqualTo("PID^1^3");
    assertThat(field(ack, "ERR", 3)).startsWith("205^");
    assertThat(field(ack, "ERR", 8)).contains("merge them (A40) first");
    assertThat(search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + both.number)).isEmpty();
    assertThat(search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + north.number)).hasSize(1);
  }

  @Test
  void anA40WithTwoPidMrgGroupsMergesBoth() {
    Visit first = new Visit("NORTHSIDE");
    Visit firstDuplicate = new Visit("NORTHSIDE");
    Visit second = new Visit("NORTHSIDE");
    Visit secondDuplicate = new Visit("NORTHSIDE");
    Stream.of(first, firstDuplicate, second, secondDuplicate).forEach(visit -> send(visit.message("A01")));

    String merge = String.join("\r",
        "MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|AGENCY|20260312090000-0600||ADT^A40^ADT_A39|"
            + UUID.randomUUID().toString().substring(0, 20) + "|P|2.5.1",
        "EVN|A40|20260312090000-0600",
        "PID|1||" + first.mrn + "^^^NORTHSIDE^MR||Rivera^Dana^M||19860517|F",
        "MRG|" + firstDuplicate.mrn + "^^^NORTHSIDE^MR",
        "PID|2||" + second.mrn + "^^^NORTHSIDE^MR||Okafor^Ben||19790203|M",
        "MRG|" + secondDuplicate.mrn + "^^^NORTHSIDE^MR") + "\r";
    String ack = send(merge);

    assertThat(ackCode(ack)).as(ack).isEqualTo("AA");
    for (Visit[] pair : List.of(new Visit[] {first, firstDuplicate}, new Visit[] {second, secondDuplicate})) {
      Patient survivor = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + pair[0].mrn);
      assertThat(search(Encounter.class, "Encounter?subject=Patient/" + survivor.getIdPart())).hasSize(2);
      Patient retired = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + pair[1].mrn);
      assertThat(retired.getActive()).isFalse();
    }
  }

  @Test
  void theDischargesFinalDiagnosisConfirmsTheAdmittingOneAndALateAdmissionDoesNotUndoIt() {
    Visit visit = new Visit("NORTHSIDE");
    String admission = visit.message("A01");
    send(admission);
    visit.diagnoses = List.of("DG1|1||F25.0^Schizoaffective disorder, bipolar type^I10||20260310|F",
        "DG1|2||F41.1^Generalized anxiety disorder^I10||20260310|F");
    assertThat(ackCode(send(visit.message("A03")))).isEqualTo("AA");

    assertThat(diagnoses(visit)).containsExactlyInAnyOrder("F25.0 confirmed active", "F41.1 confirmed active");
    // The admission again (a sender's resend, out of order, under a new control id): the diagnosis stays final.
    send(admission.replace(visit.lastControlId, "L" + visit.lastControlId.substring(1)));
    assertThat(diagnoses(visit)).contains("F25.0 confirmed active");
  }

  @Test
  void anUpdateListsTheStaysDiagnosesAndOneItLeavesOutIsWithdrawnWhileADischargeOnlyAdds() {
    Visit visit = new Visit("NORTHSIDE");
    send(visit.message("A01")); // F25.0, admitting
    visit.diagnoses = List.of("DG1|1||F31.2^Bipolar disorder, manic, severe with psychotic features^I10||20260303|W");
    assertThat(ackCode(send(visit.message("A08")))).isEqualTo("AA");
    assertThat(diagnoses(visit)).containsExactlyInAnyOrder("F25.0 refuted inactive", "F31.2 provisional active");

    // A discharge with another final diagnosis adds it; what it does not list stays as it was.
    visit.diagnoses = List.of("DG1|1||F31.2^Bipolar disorder^I10||20260310|F");
    send(visit.message("A03"));
    assertThat(diagnoses(visit)).containsExactlyInAnyOrder("F25.0 refuted inactive", "F31.2 confirmed active");
    // An update without any DG1 says nothing about diagnoses.
    visit.diagnoses = List.of();
    send(visit.message("A08"));
    assertThat(diagnoses(visit)).containsExactlyInAnyOrder("F25.0 refuted inactive", "F31.2 confirmed active");
  }

  @Test
  void aStayAtAFacilityNotInTheSiteTablesIsClassifiedByItsPrincipalDiagnosisAndTheFacilityIsListed() {
    String facility = "LAKE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Visit psychiatric = new Visit(facility);
    Visit medical = new Visit(facility);
    medical.diagnoses = List.of("DG1|1||J18.9^Pneumonia, unspecified organism^I10||20260301|A|||||||||1",
        "DG1|2||F25.0^Schizoaffective disorder^I10||20260301|A|||||||||2");
    assertThat(ackCode(send(psychiatric.message("A01")))).isEqualTo("AA");
    assertThat(ackCode(send(medical.message("A01")))).isEqualTo("AA");

    assertThat(kind(psychiatric).getCodingFirstRep().getCode()).isEqualTo("psychiatric-inpatient");
    assertThat(kind(psychiatric).getText()).contains(facility + " is not in the site tables")
        .contains("psychiatric principal diagnosis F25.0");
    assertThat(kind(medical).getCodingFirstRep().getCode()).isEqualTo("medical-inpatient");
    assertThat(kind(medical).getText()).contains("J18.9 is not one of the psychiatric ones");

    String health = admin().getForObject(baseUrl() + "/actuator/health", String.class);
    assertThat(health).contains("\"adtFacilities\"").contains("\"" + facility + "\":2");
    assertThat(meters.get("adapter.adt.unmapped.facility.messages").tag("facility", facility).counter().count())
        .isEqualTo(2.0);
    assertThat(meters.get("adapter.adt.unmapped.facilities").gauge().value()).isGreaterThanOrEqualTo(1.0);
    // A listed facility is not.
    send(new Visit("NORTHSIDE").message("A01"));
    assertThat(admin().getForObject(baseUrl() + "/actuator/health", String.class)).doesNotContain("NORTHSIDE");
  }

  /** The encounter-kind of the visit's stay, found through its client's Medicaid ID. */
  private org.hl7.fhir.r4.model.CodeableConcept kind(Visit visit) {
    Patient client = single(Patient.class, "Patient?identifier=urn:oid:2.16.840.1.113883.4.927|" + visit.medicaidId);
    return single(Encounter.class, "Encounter?subject=Patient/" + client.getIdPart()).getTypeFirstRep();
  }

  /** Each diagnosis of the visit's stay as "code verification-status clinical-status". */
  private List<String> diagnoses(Visit visit) {
    return search(Condition.class, "Condition?encounter=Encounter/" + stay(visit).getIdPart()).stream()
        .map(diagnosis -> diagnosis.getCode().getCodingFirstRep().getCode() + " "
            + diagnosis.getVerificationStatus().getCodingFirstRep().getCode() + " "
            + diagnosis.getClinicalStatus().getCodingFirstRep().getCode())
        .toList();
  }

  /** The service's recorder with reused control ids refused, on the service's own database. */
  private HospitalizationRecorder strictRecorder() {
    HospitalizationRecorder recorder = new HospitalizationRecorder(
        beans.getBean(org.casemgmt.adapter.identity.ClientIdentity.class),
        beans.getBean(org.casemgmt.adapter.identity.ClientReferences.class),
        beans.getBean(ca.uhn.fhir.jpa.api.dao.DaoRegistry.class),
        beans.getBean(ca.uhn.fhir.jpa.api.dao.IFhirSystemDao.class),
        beans.getBean(org.springframework.transaction.PlatformTransactionManager.class),
        new AdtRecordingProperties(AdtRecordingProperties.ControlIdReuse.REFUSE, null),
        beans.getBean(ReceivedMessages.class), beans.getBean(UnmappedFacilities.class), beans.getBean(Clock.class));
    beans.autowireBean(recorder); // its @PersistenceContext
    return recorder;
  }

  /** The visit's stay, found through its client so that visit numbers with spaces and commas need no escaping. */
  private Encounter stay(Visit visit) {
    Patient client = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + visit.mrn);
    List<Encounter> stays = search(Encounter.class, "Encounter?subject=Patient/" + client.getIdPart()).stream()
        .filter(stay -> stay.getIdentifier().stream().anyMatch(id -> NORTHSIDE_VISIT.equals(id.getSystem())
            && visit.number.equals(id.getValue()))).toList();
    assertThat(stays).hasSize(1);
    return stays.get(0);
  }

  private String send(String message) {
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      return hospital.send(message);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
