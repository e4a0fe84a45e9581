package org.casemgmt.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.casemgmt.adapter.testing.Await;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.GuideExamples;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Every access is in the audit trail, refusals included: who (client, user, role, scopes, address), what (the
 * interaction, the query), whose data, and the outcome; readable with an audit scope.
 */
class AuditTrailTest extends FhirServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  @org.springframework.beans.factory.annotation.Autowired
  private javax.sql.DataSource dataSource;

  @Test
  void aReadIsAuditedWithTheClientTheUserAndThePatient() throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.clientOnCaseload();
    String caseManager = Tokens.user(baseUrl(), "test-workspace", "http://127.0.0.1/callback", "test-cm",
        "test-cm-password", "user/*.cruds");
    assertThat(get(caseManager, "/fhir/" + client).statusCode()).isEqualTo(200);

    AuditEvent read = awaitOne("AuditEvent?entity=" + client + "&subtype=read");
    assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
    assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(read.getAgent()).anySatisfy(agent -> {
      assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo("test-cm");
      assertThat(agent.getWho().getReference()).isEqualTo(SecurityFixture.CASE_MANAGER);
      assertThat(agent.getAltId()).isEqualTo("case-manager");
      assertThat(agent.getPolicy()).extracting(policy -> policy.getValue()).contains("user/*.cruds");
    });
    assertThat(read.getAgent()).anySatisfy(agent -> {
      assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo("test-workspace");
      assertThat(agent.getNetwork().getAddress()).isNotBlank();
    });
    assertThat(read.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("CAREMGT");
  }

  @Test
  void aSearchIsAuditedOncePerClientWhoseDataLeft() throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String first = fixture.client();
    String second = fixture.client();
    fixture.observation(first, "laboratory");
    fixture.observation(second, "laboratory");
    String supervisor = Tokens.client(baseUrl(), "test-supervisor");
    assertThat(get(supervisor, "/fhir/Observation?subject=" + first + "," + second).statusCode()).isEqualTo(200);

    for (String client : List.of(first, second)) {
      AuditEvent search = awaitOne("AuditEvent?entity=" + client + "&subtype=search-type");
      assertThat(new String(search.getEntity().stream().filter(entity -> entity.hasQuery()).findFirst().orElseThrow()
          .getQuery(), StandardCharsets.UTF_8)).contains("/fhir/Observation?subject=");
    }
  }

  @Test
  void refusalsAreAuditedTooAnonymousOrForbidden() throws Exception {
    String marker = GuideExamples.uniqueValue();
    assertThat(get(null, "/fhir/Patient?identifier=" + marker).statusCode()).isEqualTo(401);
    SecurityFixture fixture = new SecurityFixture(fhir());
    String notOnCaseload = fixture.client();
    String caseManager = Tokens.user(baseUrl(), "test-workspace", "http://127.0.0.1/callback", "test-cm",
        "test-cm-password", "user/*.cruds");
    HttpResponse<String> forbidden = http.send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Observation"))
        .header("Authorization", "Bearer " + caseManager).header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Observation\",\"status\":\"final\","
            + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"" + notOnCaseload + "\"}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forbidden.statusCode()).isEqualTo(403);

    Await.until("the anonymous refusal in the audit trail", Duration.ofSeconds(60), () ->
        audit("AuditEvent?outcome=4&_count=200").stream().anyMatch(event -> event.getEntity().stream()
            .anyMatch(entity -> entity.hasQuery() && new String(entity.getQuery(), StandardCharsets.UTF_8)
                .contains(marker))));
    AuditEvent refusedWrite = awaitOne("AuditEvent?entity=" + notOnCaseload + "&outcome=4");
    assertThat(refusedWrite.getOutcomeDesc()).startsWith("403");
    assertThat(refusedWrite.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
  }

  /** The trail names what was touched; it does not pin it: a client read and audited can still be deleted. */
  @Test
  void anAuditedRecordCanStillBeDeletedAndItsAuditStays() throws Exception {
    String client = new SecurityFixture(fhir()).client();
    String supervisor = Tokens.client(baseUrl(), "test-supervisor");
    assertThat(get(supervisor, "/fhir/" + client).statusCode()).isEqualTo(200);
    awaitOne("AuditEvent?entity=" + client + "&subtype=read");

    HttpResponse<String> deleted = http.send(asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + "/" + client)))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(audit("AuditEvent?entity=" + client + "&subtype=read")).hasSize(1);
  }

  @Test
  void viewingDeadLettersIsAuditedAndTheTrailIsReadOnlyWithAnAuditScope() throws Exception {
    assertThat(admin().getForEntity(baseUrl() + "/admin/dead-letters?feed=adt", String.class).getStatusCode()
        .value()).isEqualTo(200);
    Await.until("the dead-letter view in the audit trail", Duration.ofSeconds(60), () ->
        !audit("AuditEvent?subtype=" + URLEncoder.encode("GET /admin/dead-letters", StandardCharsets.UTF_8))
            .isEmpty());
    String supervisor = Tokens.client(baseUrl(), "test-supervisor");
    assertThat(get(supervisor, "/fhir/AuditEvent").statusCode()).isEqualTo(403);
  }

  /** An access queued by an earlier version, which kept the AuditEvent itself in the outbox, is stored as it was. */
  @Test
  void anOutboxRowOfAnEarlierVersionIsStoredAsItsAuditEvent() {
    String marker = GuideExamples.uniqueValue();
    AuditEvent queued = new AuditEvent().setType(new org.hl7.fhir.r4.model.Coding(
            "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"))
        .addSubtype(new org.hl7.fhir.r4.model.Coding("http://hl7.org/fhir/restful-interaction", marker, null))
        .setAction(AuditEvent.AuditEventAction.R).setRecorded(new java.util.Date())
        .setOutcome(AuditEvent.AuditEventOutcome._0);
    queued.addAgent().setRequestor(true).setWho(new org.hl7.fhir.r4.model.Reference().setDisplay("anonymous"));
    queued.getSource().setObserver(new org.hl7.fhir.r4.model.Reference().setDisplay("casemgmt-adapter"));
    new org.springframework.jdbc.core.JdbcTemplate(dataSource).update("insert into CM_AUDIT_OUTBOX"
        + " (ID, RECORDED_AT, EVENT_JSON) values (nextval('CM_AUDIT_OUTBOX_SEQ'), now(), ?)",
        fhirContext.newJsonParser().encodeResourceToString(queued));

    assertThat(awaitOne("AuditEvent?subtype=" + marker).getSource().getObserver().getDisplay())
        .isEqualTo("casemgmt-adapter");
  }

  private AuditEvent awaitOne(String search) {
    Await.until(search, Duration.ofSeconds(60), () -> !audit(search).isEmpty());
    List<AuditEvent> found = audit(search);
    assertThat(found).as(search).hasSize(1);
    return found.get(0);
  }

  private List<AuditEvent> audit(String search) {
    IGenericClient privacyOfficer = fhirAs(Tokens.client(baseUrl(), "test-privacy"));
    return privacyOfficer.search().byUrl(search).returnBundle(Bundle.class).execute().getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource).filter(AuditEvent.class::isInstance)
        .map(AuditEvent.class::cast).toList();
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
