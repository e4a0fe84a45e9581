package org.casemgmt.adapter.eligibility.current;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.casemgmt.adapter.claims.ClaimsCsv;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.routes.enrollment.generator.Enrollment834;
import org.casemgmt.routes.enrollment.generator.Member834;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once a client has a determination, it follows the record by itself: new evidence written through the FHIR API
 * leads to a new version when, and only when, the determination changes, and the daily pass renews the ones that
 * have run out. Nothing here calls {@code $evaluate-eligibility} after the first determination.
 */
class AlwaysCurrentTest extends FhirServerTest {
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String PROGRAM = "claims-driven-tailored";
  private static final Duration DEADLINE = Duration.ofMinutes(2);

  @Autowired
  private ReevaluationQueue queue;

  @Autowired
  private ExpiredDeterminations expired;

  @Autowired
  private Clock clock;

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

    createDiagnosis(client, "F20.9");

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
    createDiagnosis(client, "F25.0");
    Observation first = evaluateToday(client);
    assertThat(outcome(first)).isEqualTo("not-eligible"); // one stay; two needed
    settled();

    // The Medicaid feed reports another psychiatric stay of the same member: 0111 with psychiatric room and board.
    String name = "claims-" + UUID.randomUUID() + ".csv";
    Path upload = Files.createTempFile(CLAIMS_INBOX.getParent(), "upload", ".tmp");
    Files.writeString(upload, new ClaimsCsv().stay(medicaidId, "C" + uniqueValue(), "0111", "0124", "1:F25.0",
        "2026-06-03", "2026-06-12", "paid").text());
    Files.move(upload, CLAIMS_INBOX.resolve(name));

    Observation current = await(first, "2");
    assertThat(outcome(current)).isEqualTo("eligible");
  }

  @Test
  void anEnrollmentFileAddingMedicaidCoverageMakesTheClientEligibleWithoutAsking() throws Exception {
    // Two psychiatric stays within 24 months, an SMI diagnosis, a residence in Sangamon county: all but the payer.
    String medicaidId = uniqueValue();
    String client = createClientWithoutCoverage(medicaidId);
    createStay(client, "2025-10-01T10:00:00-05:00", "2025-10-08T09:00:00-05:00");
    createStay(client, "2026-01-12T22:40:00-06:00", "2026-01-20T11:00:00-06:00");
    createDiagnosis(client, "F20.9");
    Observation first = evaluateToday(client);
    assertThat(outcome(first)).isNotEqualTo("eligible"); // no coverage is recorded
    settled();

    // The state's 834 enrolls the member in Medicaid managed care from 1 January 2025.
    new FeedInbox(ENROLLMENT_INBOX).drop("enrollment-" + UUID.randomUUID() + ".834",
        Enrollment834.file(Member834.added(medicaidId)));

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

  private Observation evaluate(String client, String date) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("program").setValue(new CodeType(PROGRAM));
    if (date != null) {
      parameters.addParameter().setName("date").setValue(new DateType(date));
    }
    return fhir().operation().onInstance(new IdType("Patient", client)).named("$evaluate-eligibility")
        .withParameters(parameters).returnResourceType(Observation.class).execute();
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

  private static void awaitTrue(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what).isBefore(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String outcome(Observation determination) {
    return determination.getValueCodeableConcept().getCodingFirstRep().getCode();
  }

  /** A client in Sangamon county (IL) under their own Medicaid id, with Medicaid managed care since 2025. */
  private String createClient(String medicaidId) {
    String client = createClientWithoutCoverage(medicaidId);
    Coverage coverage = example("medicaid-coverage", Coverage.class);
    coverage.getIdentifierFirstRep().setValue(medicaidId);
    coverage.setSubscriberId(medicaidId);
    coverage.setBeneficiary(new Reference("Patient/" + client));
    coverage.getPeriod().setStartElement(new DateTimeType("2025-01-01"));
    coverage.setPayor(List.of(new Reference().setDisplay("Illinois Medicaid managed care plan")));
    fhir().create().resource(coverage).execute();
    return client;
  }

  /** A client in Sangamon county (IL) under their own Medicaid id, whose coverage nobody has recorded yet. */
  private String createClientWithoutCoverage(String medicaidId) {
    Patient patient = newClient(medicaidId);
    patient.getIdentifier().removeIf(identifier -> !MEDICAID.equals(identifier.getSystem()));
    return fhir().create().resource(patient).execute().getId().getIdPart();
  }

  private void createStay(String client, String start, String end) {
    Encounter stay = example("hospitalization", Encounter.class);
    stay.setIdentifier(List.of(new Identifier().setSystem("https://ehr.example.org/sid/visit")
        .setValue("V" + uniqueValue())));
    stay.setSubject(new Reference("Patient/" + client));
    stay.getPeriod().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
    fhir().create().resource(stay).execute();
  }

  /** A clinician's diagnosis recorded today. */
  private void createDiagnosis(String client, String code) {
    Condition diagnosis = example("diagnosis", Condition.class);
    diagnosis.setSubject(new Reference("Patient/" + client));
    diagnosis.setEncounter(null);
    diagnosis.getCode().getCodingFirstRep().setCode(code).setDisplay(null);
    diagnosis.setRecordedDateElement(new DateTimeType(today().toString()));
    fhir().create().resource(diagnosis).execute();
  }
}
