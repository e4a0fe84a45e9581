package org.casemgmt.adapter.eligibility.current;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.casemgmt.adapter.claims.ClaimsCsv;
import org.casemgmt.adapter.eligibility.EligibilityServerTest;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.routes.enrollment.generator.Enrollment834;
import org.casemgmt.routes.enrollment.generator.Member834;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once a client has a determination, it follows the record by itself: new evidence written through the FHIR API
 * leads to a new version when, and only when, the determination changes, and the daily pass renews the ones that
 * have run out. Nothing here calls {@code $evaluate-eligibility} after the first determination.
 */
class AlwaysCurrentTest extends EligibilityServerTest {
  private static final String PROGRAM = "claims-driven-tailored";

  @Autowired
  private ReevaluationQueue queue;

  @Autowired
  private ExpiredDeterminations expired;

  @Autowired
  private Clock clock;

  @Autowired
  private DataSource dataSource;

  @Test
  void anSmiDiagnosisWrittenThroughTheApiMakesAClientEligibleWithoutAskingAndTheEvaluationDoesNotSetOffAnother() {
    // Two psychiatric stays within 24 months, Medicaid, a residence in Sangamon county: all but the diagnosis.
    String client = createClient(uniqueValue());
    createStay(client, "2025-10-01T10:00:00-05:00", "2025-10-08T09:00:00-05:00");
    createStay(client, "2026-01-12T22:40:00-06:00", "2026-01-20T11:00:00-06:00");
    Observation first = evaluateToday(client);
    assertThat(outcome(first)).isNotEqualTo("eligible");
    settled();
    long evaluatedBefore = queue.done();

    createDiagnosis(client, "F20.9", today().toString());

    Observation current = await(first, "2");
    assertThat(outcome(current)).isEqualTo("eligible");
    assertThat(current.getIdPart()).isEqualTo(first.getIdPart());
    // The re-evaluation's own writes (determination, impairment evidence, Provenance) queue nothing more: one
    // client evaluated once, and the version stays where it is.
    settled();
    assertThat(queue.done() - evaluatedBefore).isEqualTo(1);
    assertThat(read(first).getMeta().getVersionId()).isEqualTo("2");
  }

  @Test
  void aClaimFileWithASecondStayMakesTheClientEligibleWithoutAsking() throws Exception {
    String medicaidId = uniqueValue();
    String client = createClient(medicaidId);
    createStay(client, "2026-02-01T10:00:00-06:00", "2026-02-09T09:00:00-06:00");
    createDiagnosis(client, "F25.0", today().toString());
    Observation first = evaluateToday(client);
    assertThat(outcome(first)).isEqualTo("not-eligible"); // one stay; two needed
    settled();

    // The Medicaid feed reports another psychiatric stay of the same member: 0111 with psychiatric room and board.
    dropClaims(new ClaimsCsv().stay(medicaidId, claimId(), "0111", "0124", "1:F25.0", "2026-06-03", "2026-06-12",
        "paid"));

    Observation current = await(first, "2");
    assertThat(outcome(current)).isEqualTo("eligible");
  }

  @Test
  void aSecondPsychiatricAdmissionOverAdtMakesTheClientEligibleWithoutAsking() {
    // The hospital knows the client from one earlier stay (schizophrenia as final diagnosis, a Sangamon address);
    // the state's Medicaid managed care covers them.
    String mrn = "M" + uniqueValue();
    String medicaidId = uniqueValue();
    admitAndDischarge(mrn, medicaidId, "20260105", "20260112");
    String client = single(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + mrn).getIdPart();
    createMedicaidCoverage(client, medicaidId, "2025-01-01");
    Observation first = evaluateToday(client);
    assertThat(outcome(first)).isEqualTo("not-eligible"); // one stay; two needed
    settled();

    admitAndDischarge(mrn, medicaidId, "20260420", "20260427");

    Observation current = await(first, "2");
    assertThat(outcome(current)).isEqualTo("eligible");
  }

  @Test
  void anEnrollmentFileAddingMedicaidCoverageMakesTheClientEligibleWithoutAsking() throws Exception {
    // Two psychiatric stays within 24 months, an SMI diagnosis, a residence in Sangamon county: all but the payer.
    String medicaidId = uniqueValue();
    String client = createClient(medicaidId, true);
    createStay(client, "2025-10-01T10:00:00-05:00", "2025-10-08T09:00:00-05:00");
    createStay(client, "2026-01-12T22:40:00-06:00", "2026-01-20T11:00:00-06:00");
    createDiagnosis(client, "F20.9", today().toString());
    Observation first = evaluateToday(client);
    assertThat(outcome(first)).isNotEqualTo("eligible"); // no coverage is recorded
    settled();

    // The state's 834 enrolls the member in Medicaid managed care from 1 January 2025.
    FeedInbox enrollment = new FeedInbox(ENROLLMENT_INBOX);
    String file = enrollment.drop("enrollment-" + UUID.randomUUID() + ".834",
        Enrollment834.file(Member834.added(medicaidId)));
    assertThat(enrollment.awaitReport("processed", file).value("coverages written")).isEqualTo("1");

    Observation current = await(first, "2");
    assertThat(outcome(current)).isEqualTo("eligible");
  }

  @Test
  void evidenceThatChangesNothingLeavesTheDeterminationAtItsVersion() {
    String client = createClient(uniqueValue());
    Observation first = evaluateToday(client);
    settled();
    long evaluatedBefore = queue.done();

    // The client's record is evidence (address, birth date), but a new phone number changes neither the outcome, a
    // criterion, the evidence used nor how long the determination holds.
    Patient patient = fhir().read().resource(Patient.class).withId(client).execute();
    patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("217-555-0100");
    fhir().update().resource(patient).execute();

    awaitTrue("re-evaluated", () -> queue.done() > evaluatedBefore);
    settled();
    Observation current = read(first);
    assertThat(current.getMeta().getVersionId()).isEqualTo("1");
    assertThat(current.getIssued()).isEqualTo(first.getIssued());
  }

  /**
   * The queue is a table written with the evidence: what is queued while no worker runs (a node stopped, a restart)
   * waits there and is evaluated once one runs again. A client created in the same transaction as their evidence is
   * not queued: they have no determination to keep current.
   */
  @Test
  void clientsQueuedWhileNoWorkerRunsAreEvaluatedWhenOneStartsAndNewClientsAreNotQueued() throws Exception {
    String client = createClient(uniqueValue());
    createStay(client, "2025-10-01T10:00:00-05:00", "2025-10-08T09:00:00-05:00");
    createStay(client, "2026-01-12T22:40:00-06:00", "2026-01-20T11:00:00-06:00");
    Observation first = evaluateToday(client);
    settled();
    queue.stop();
    String created;
    try {
      createDiagnosis(client, "F20.9", today().toString());
      created = createdWithItsDiagnosis();
      assertThat(queued(client)).isEqualTo(1);
      assertThat(queued(created)).isZero();
      assertThat(read(first).getMeta().getVersionId()).isEqualTo("1");
    } finally {
      queue.start();
    }
    assertThat(outcome(await(first, "2"))).isEqualTo("eligible");
    settled();
    assertThat(queued(client)).isZero();
  }

  /**
   * Clients queued meanwhile are each evaluated once however many rows name them, whichever of this service's two
   * workers takes them, and every row is gone.
   */
  @Test
  void clientsWaitingTogetherAreEvaluatedOnceEach() throws Exception {
    java.util.List<String> clients = new java.util.ArrayList<>();
    java.util.List<Observation> determinations = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String client = createClient(uniqueValue());
      createStay(client, "2025-10-01T10:00:00-05:00", "2025-10-08T09:00:00-05:00");
      createStay(client, "2026-01-12T22:40:00-06:00", "2026-01-20T11:00:00-06:00");
      clients.add(client);
      determinations.add(evaluateToday(client));
    }
    settled();
    long evaluatedBefore = queue.done();
    queue.stop();
    try {
      clients.forEach(client -> createDiagnosis(client, "F20.9", today().toString()));
      createDiagnosis(clients.get(0), "F31.9", today().toString());
      assertThat(queued(clients.get(0))).isEqualTo(2);
    } finally {
      queue.start();
    }
    for (Observation determination : determinations) {
      assertThat(outcome(await(determination, "2"))).isEqualTo("eligible");
    }
    settled();
    assertThat(queue.done() - evaluatedBefore).isEqualTo(3);
    for (String client : clients) {
      assertThat(queued(client)).isZero();
    }
  }

  /** A new client and their diagnosis in one transaction; the client's id. */
  private String createdWithItsDiagnosis() {
    String patient = "urn:uuid:" + UUID.randomUUID();
    Condition diagnosis = new Condition().setSubject(new Reference(patient));
    diagnosis.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode("F20.9");
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl(patient).setResource(newClient(uniqueValue())).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    transaction.addEntry().setResource(diagnosis).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");
    String location = fhir().transaction().withBundle(transaction).execute().getEntryFirstRep().getResponse()
        .getLocation();
    return new IdType(location).getIdPart();
  }

  /** The client's rows in the re-evaluation queue's table. */
  private int queued(String client) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement(
            "select count(*) from CM_REEVALUATION where CLIENT = ?")) {
      count.setString(1, client);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Test
  void theDailyPassReEvaluatesADeterminationThatHasRunOut() {
    String client = createClient(uniqueValue());
    // Judged on 2025-01-01: valid for 90 days at most, long over by now.
    Observation old = evaluate(client, "2025-01-01");
    assertThat(LocalDate.parse(old.getEffectivePeriod().getEndElement().getValueAsString()))
        .isBefore(today());

    assertThat(expired.reevaluateExpired()).isPositive();

    Observation current = await(old, "2");
    assertThat(current.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo(today().toString());
    assertThat(LocalDate.parse(current.getEffectivePeriod().getEndElement().getValueAsString()))
        .isAfterOrEqualTo(today());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
  }

  private Observation evaluateToday(String client) {
    return evaluate(client, null);
  }

  private Observation read(Observation determination) {
    return fhir().read().resource(Observation.class).withId(determination.getIdPart()).execute();
  }

  /** The determination once it reaches the version. */
  private Observation await(Observation determination, String version) {
    awaitTrue("Observation/" + determination.getIdPart() + " at version " + version,
        () -> version.equals(read(determination).getMeta().getVersionId()));
    return read(determination);
  }

  /** Nothing waiting or under way in the re-evaluation queue. */
  private void settled() {
    awaitTrue("re-evaluation queue idle", queue::idle);
  }

  /** A client in Sangamon county (IL) under their own Medicaid id, with Medicaid managed care since 2025. */
  private String createClient(String medicaidId) {
    String client = createClient(medicaidId, true);
    createMedicaidCoverage(client, medicaidId, "2025-01-01");
    return client;
  }

  private Observation evaluate(String client, String date) {
    return evaluate(client, PROGRAM, date);
  }
}
