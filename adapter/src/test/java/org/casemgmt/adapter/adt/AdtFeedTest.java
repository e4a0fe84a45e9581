package org.casemgmt.adapter.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;
import static org.casemgmt.adapter.testing.MllpSender.ackCode;
import static org.casemgmt.adapter.testing.MllpSender.field;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.MllpSender;
import org.casemgmt.adapter.testing.PostgresTestDatabase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.casemgmt.routes.DeadLetters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

/** Hospitals send ADT over a real MLLP socket; the client record shows each stay once, with diagnoses and provenance. */
class AdtFeedTest extends FhirServerTest {
  private static final String NORTHSIDE_MRN = "https://northside.example.org/sid/mrn";
  private static final String NORTHSIDE_VISIT = "https://northside.example.org/sid/visit";
  private static final String RIVERVIEW_MRN = "https://riverview.example.org/sid/mrn";
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final Path SAMPLES = Path.of("../../shared/data/hl7v2/microsoft-fhir-converter");

  @Autowired
  private DeadLetters deadLetters;
  @Autowired
  private DaoRegistry daos;

  @Test
  void aSubstanceUseDiagnosisFromAHospitalIsStoredAsAPart2RecordAndWithheldWithoutConsent() throws IOException {
    Visit visit = new Visit("NORTHSIDE");
    visit.diagnosis = "F10.20^Alcohol dependence, uncomplicated";
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      assertThat(ackCode(hospital.send(visit.message("A01")))).isEqualTo("AA");
    }

    Encounter stay = single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number);
    Bundle diagnoses = fhir().search().byUrl("Condition?encounter=Encounter/" + stay.getIdPart())
        .returnBundle(Bundle.class).execute();
    assertThat(diagnoses.getEntry()).noneMatch(entry -> entry.getResource() instanceof Condition);
    Condition stored = (Condition) daos.getResourceDao(Condition.class).search(
            new SearchParameterMap().setLoadSynchronous(true)
                .add(Condition.SP_ENCOUNTER, new ReferenceParam("Encounter/" + stay.getIdPart())),
            new SystemRequestDetails())
        .getResources(0, 1).get(0);
    assertThat(stored.getMeta().getSecurity()).extracting(coding -> coding.getCode())
        .contains("R", "ETH", "42CFRPart2");
  }

  @Test
  void anAdmissionAndItsDischargeMakeOneFinishedPsychiatricStayWithItsDiagnosisAndProvenance() throws IOException {
    Visit visit = new Visit("NORTHSIDE");
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      assertThat(ackCode(hospital.send(visit.message("A01")))).isEqualTo("AA");
      assertThat(ackCode(hospital.send(visit.message("A03")))).isEqualTo("AA");
    }

    Encounter stay = single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number);
    assertThat(stay.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
    assertThat(stay.getPeriod().hasStart()).isTrue();
    assertThat(stay.getPeriod().hasEnd()).isTrue();
    assertThat(stay.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("psychiatric-inpatient");
    Patient client = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + visit.mrn);
    assertThat(stay.getSubject().getReference()).isEqualTo("Patient/" + client.getIdPart());
    assertThat(client.getAddressFirstRep().getDistrict()).isEqualTo("Sangamon");
    // The discharge repeats what the admission said of the client: the Patient is not written again.
    assertThat(client.getMeta().getVersionId()).isEqualTo("1");

    Condition diagnosis = single(Condition.class, "Condition?encounter=Encounter/" + stay.getIdPart());
    assertThat(diagnosis.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
    assertThat(diagnosis.getCode().getCodingFirstRep().getCode()).isEqualTo("F25.0");
    List<Provenance> provenance = search(Provenance.class, "Provenance?target=Encounter/" + stay.getIdPart());
    assertThat(provenance).hasSize(2);
    assertThat(provenance).allSatisfy(p -> assertThat(p.getEntityFirstRep().getWhat().getIdentifier().getValue())
        .startsWith("EPIC^NORTHSIDE|"));
  }

  @Test
  void theSameMessageDeliveredTwiceWritesNothingNew() {
    Visit visit = new Visit("NORTHSIDE");
    String admission = visit.message("A01");
    send(admission);
    Encounter first = single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number);

    assertThat(ackCode(send(admission))).isEqualTo("AA");

    Encounter after = single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number);
    assertThat(after.getMeta().getVersionId()).isEqualTo(first.getMeta().getVersionId());
    assertThat(search(Provenance.class, "Provenance?target=Encounter/" + first.getIdPart())).hasSize(1);
  }

  @Test
  void aDischargeThatArrivesBeforeItsAdmissionStillMakesOneFinishedStay() {
    Visit visit = new Visit("NORTHSIDE");
    String admission = visit.message("A01");
    assertThat(ackCode(send(visit.message("A03")))).isEqualTo("AA");
    assertThat(ackCode(send(admission))).isEqualTo("AA");

    List<Encounter> stays = search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number);
    assertThat(stays).singleElement().satisfies(stay -> {
      assertThat(stay.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
      assertThat(stay.getPeriod().hasEnd()).isTrue();
    });
  }

  @Test
  void aCancelledAdmissionIsCancelledWithItsDiagnosesAndACancelledDischargeReopensTheStay() {
    Visit cancelled = new Visit("NORTHSIDE");
    send(cancelled.message("A01"));
    assertThat(ackCode(send(cancelled.message("A11")))).isEqualTo("AA");
    Encounter stay = single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + cancelled.number);
    assertThat(stay.getStatus()).isEqualTo(Encounter.EncounterStatus.CANCELLED);
    assertThat(single(Condition.class, "Condition?encounter=Encounter/" + stay.getIdPart())
        .getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");

    Visit reopened = new Visit("NORTHSIDE");
    send(reopened.message("A01"));
    send(reopened.message("A03"));
    send(reopened.message("A13"));
    Encounter current = single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + reopened.number);
    assertThat(current.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
    assertThat(current.getPeriod().hasEnd()).isFalse();
  }

  @Test
  void twoHospitalsWithTheirOwnMrnsAndOneMedicaidIdAreOneClient() {
    Visit north = new Visit("NORTHSIDE");
    Visit river = new Visit("RIVERVIEW", north.medicaidId);
    assertThat(ackCode(send(north.message("A01")))).isEqualTo("AA");
    assertThat(ackCode(send(river.message("A01")))).isEqualTo("AA");

    Patient client = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + north.medicaidId);
    assertThat(client.getIdentifier()).extracting(id -> id.getSystem() + "|" + id.getValue())
        .contains(NORTHSIDE_MRN + "|" + north.mrn, RIVERVIEW_MRN + "|" + river.mrn);
    assertThat(search(Encounter.class, "Encounter?subject=Patient/" + client.getIdPart())).hasSize(2);
  }

  @Test
  void twoHospitalsAdmittingOneNewPersonAtTheSameMomentMakeOneClient() throws Exception {
    ExecutorService hospitals = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 6; round++) {
        Visit north = new Visit("NORTHSIDE");
        Visit river = new Visit("RIVERVIEW", north.medicaidId);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<String>> acks = Stream.of(north, river).map(visit -> hospitals.submit(() -> {
          String admission = visit.message("A01");
          together.await();
          return send(admission);
        })).toList();
        for (Future<String> ack : acks) {
          assertThat(ackCode(ack.get(60, TimeUnit.SECONDS))).isEqualTo("AA");
        }

        Patient client = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + north.medicaidId);
        assertThat(client.getIdentifier()).extracting(id -> id.getSystem() + "|" + id.getValue())
            .contains(NORTHSIDE_MRN + "|" + north.mrn, RIVERVIEW_MRN + "|" + river.mrn);
      }
    } finally {
      hospitals.shutdownNow();
    }
  }

  @Test
  void duringADatabaseOutageTheListenerRefusesToAcceptAndRecordsTheMessageWhenItIsSentAgain() throws Exception {
    Visit visit = new Visit("NORTHSIDE");
    String admission = visit.message("A01");
    try (AutoCloseable outage = PostgresTestDatabase.outage(DATABASE_URL)) {
      String ack = send(admission);
      assertThat(ackCode(ack)).isEqualTo("AE");
      assertThat(ack).contains("send it again later");
    }

    // The sender resends, as HL7 senders do after an AE, until the connection pool has reconnected.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String ack = send(admission);
    while (!ackCode(ack).equals("AA") && System.nanoTime() < deadline) {
      Thread.sleep(500);
      ack = send(admission);
    }
    assertThat(ackCode(ack)).isEqualTo("AA");
    assertThat(search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number)).hasSize(1);
    // The listener kept serving: the next message on a new connection is recorded as usual.
    Visit next = new Visit("NORTHSIDE");
    assertThat(ackCode(send(next.message("A01")))).isEqualTo("AA");
  }

  @Test
  void aMergeMovesEverythingOfTheOtherClientToTheSurvivorAndMarksItReplaced() {
    Visit survivor = new Visit("NORTHSIDE");
    Visit duplicate = new Visit("NORTHSIDE");
    send(survivor.message("A01"));
    send(duplicate.message("A01"));
    Patient kept = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + survivor.mrn);
    Patient replaced = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + duplicate.mrn);
    // Written through the API, not the feed: a merge moves whatever refers to the client.
    String plan = fhir().create().resource(new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT)
        .setIntent(CarePlan.CarePlanIntent.PLAN).setSubject(new Reference("Patient/" + replaced.getIdPart())))
        .execute().getId().getIdPart();

    String merge = String.join("\r",
        "MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|AGENCY|20260312090000-0600||ADT^A40^ADT_A39|" + UUID.randomUUID()
            .toString().substring(0, 20) + "|P|2.5.1",
        "EVN|A40|20260312090000-0600",
        "PID|1||" + survivor.mrn + "^^^NORTHSIDE^MR||Rivera^Dana^M||19860517|F",
        "MRG|" + duplicate.mrn + "^^^NORTHSIDE^MR") + "\r";
    assertThat(ackCode(send(merge))).isEqualTo("AA");

    assertThat(search(Encounter.class, "Encounter?subject=Patient/" + kept.getIdPart())).hasSize(2);
    assertThat(search(Encounter.class, "Encounter?subject=Patient/" + replaced.getIdPart())).isEmpty();
    assertThat(search(Condition.class, "Condition?subject=Patient/" + kept.getIdPart())).hasSize(2);
    assertThat(fhir().read().resource(CarePlan.class).withId(plan).execute().getSubject().getReference())
        .isEqualTo("Patient/" + kept.getIdPart());
    // What was recorded about the old client stays as it was: the admission's Provenance, and the merge's own.
    assertThat(search(Provenance.class, "Provenance?target=Patient/" + replaced.getIdPart())).hasSize(2);
    Patient old = fhir().read().resource(Patient.class).withId(replaced.getIdPart()).execute();
    assertThat(old.getActive()).isFalse();
    assertThat(old.getLinkFirstRep().getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
    assertThat(old.getLinkFirstRep().getOther().getReference()).isEqualTo("Patient/" + kept.getIdPart());
    Visit again = new Visit("NORTHSIDE", duplicate.medicaidId);
    String underOldMrn =
        send(again.message("A01").replace(again.mrn + "^^^NORTHSIDE", duplicate.mrn + "^^^NORTHSIDE"));
    assertThat(ackCode(underOldMrn)).as(underOldMrn).isEqualTo("AA");
    assertThat(single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + again.number)
        .getSubject().getReference()).isEqualTo("Patient/" + kept.getIdPart());
  }

  /** A sender that numbers neither visits nor accounts: the admission time keys the stay, so its discharge closes it. */
  @Test
  void aStayWithoutVisitOrAccountNumberIsKeyedByPatientAndAdmission() throws IOException {
    Visit visit = new Visit("NORTHSIDE");
    visit.number = "";
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      assertThat(ackCode(hospital.send(visit.message("A01")))).isEqualTo("AA");
      assertThat(ackCode(hospital.send(visit.message("A03")))).isEqualTo("AA");
    }
    List<Encounter> stays = search(Encounter.class, "Encounter?identifier=" + visit.mrn + "@20260301080000-0600");
    assertThat(stays).hasSize(1);
    assertThat(stays.get(0).getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
  }

  @Test
  void badInputIsRefusedWithTheReasonKeptAsADeadLetterAndTheListenerKeepsServing() throws IOException {
    Visit visit = new Visit("NORTHSIDE");
    String withoutPid = visit.message("A01").replaceAll("PID\\|[^\\r]*\\r", "");
    String missingPidControlId = visit.lastControlId;
    String badBirthDate = visit.message("A01").replace("|19860517|", "|19X60517|");
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      assertThat(ackCode(hospital.send(new byte[] {0x00, 0x01, (byte) 0xff, 'x', 'y'}))).isEqualTo("AR");

      String missingPid = hospital.send(withoutPid);
      assertThat(ackCode(missingPid)).isEqualTo("AE");
      assertThat(field(missingPid, "MSA", 2)).isEqualTo(missingPidControlId);
      assertThat(field(missingPid, "ERR", 2)).startsWith("PID");

      String badDate = hospital.send(badBirthDate);
      assertThat(ackCode(badDate)).isEqualTo("AE");
      assertThat(field(badDate, "ERR", 2)).startsWith("PID^1^7");

      assertThat(ackCode(hospital.send(visit.message("A01")))).isEqualTo("AA");
    }
    assertThat(search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number)).hasSize(1);
    String deadLetters = admin().getForObject(baseUrl() + "/admin/dead-letters?feed=adt", String.class);
    // The explanation a sender got, without the value it quoted.
    assertThat(deadLetters).contains("AE 102 Data type error at PID-7: PID-7 birth date '…' is not a valid HL7")
        .doesNotContain("19X60517").contains("\"feed\":\"adt\"");
  }

  @Test
  void aDeadLetterReplayedIsProcessedAsIfNewAndCannotBeReplayedTwice() {
    Visit visit = new Visit("NORTHSIDE");
    long id = deadLetters.keep("adt", "test", visit.message("A01"), "storage was down");
    RestTemplate operator = admin();

    String replay = operator.postForObject(baseUrl() + "/admin/dead-letters/" + id + "/replay", null, String.class);

    assertThat(replay).contains("\"outcome\":\"processed\"");
    assertThat(search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit.number)).hasSize(1);
    assertThatThrownBy(() -> operator.postForObject(baseUrl() + "/admin/dead-letters/" + id + "/replay", null,
        String.class)).isInstanceOfSatisfying(HttpClientErrorException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
  }

  @Test
  void aBatchFileIsSplitIntoMessagesEachAcknowledgedInAReportBesideTheProcessedFile() throws Exception {
    Visit first = new Visit("NORTHSIDE");
    Visit second = new Visit("RIVERVIEW");
    String batch = "\uFEFFFHS|^~\\&|EPIC\nBHS|^~\\&|EPIC\n" + first.message("A01").replace('\r', '\n')
        + second.message("A01").replace("\r", "\r\n") + "MSH|garbage\nBTS|2\nFTS|1\n";
    String name = "batch-" + UUID.randomUUID() + ".hl7";
    Files.writeString(ADT_INBOX.resolve(name + ".tmp"), batch, StandardCharsets.UTF_8);
    Files.move(ADT_INBOX.resolve(name + ".tmp"), ADT_INBOX.resolve(name));

    Path report = ADT_INBOX.resolve("processed").resolve(name + ".report");
    Path processed = ADT_INBOX.resolve("processed").resolve(name);
    // The report is written first; the file moves once the exchange completes.
    for (int waited = 0; !(Files.exists(report) && Files.exists(processed)) && waited < 600; waited++) {
      Thread.sleep(100);
    }
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("1|").contains("|AA|");
    assertThat(lines.get(2)).contains(second.lastControlId + "|AA|");
    assertThat(lines.get(3)).startsWith("3|").contains("|AR|");
    assertThat(processed).exists();
    assertThat(search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + first.number)).hasSize(1);
  }

  static Stream<Arguments> publicSamples() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("../routes/src/test/resources/adt/sample-outcomes.csv"));
    return rows.stream().filter(row -> !row.startsWith("#") && !row.startsWith("file,"))
        .map(row -> row.split(",", -1)).map(cells -> Arguments.of(cells[0], cells[1], cells[3]));
  }

  /** Every public sample is recorded or ignored (AA), or refused with the parser's reason, and never hangs. */
  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("publicSamples")
  void everyPublicSampleIsAcknowledged(String file, String outcome, String refusal) throws IOException {
    String ack = send(Files.readAllBytes(SAMPLES.resolve(file)));
    assertThat(ackCode(ack)).as(ack).isEqualTo("rejected".equals(outcome) ? refusal : "AA");
  }

  private String send(String message) {
    return send(message.getBytes(StandardCharsets.UTF_8));
  }

  private String send(byte[] message) {
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      return hospital.send(message);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
