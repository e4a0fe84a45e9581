package org.casemgmt.adapter.ehr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;
import static org.casemgmt.adapter.testing.MllpSender.ackCode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.casemgmt.adapter.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.casemgmt.adapter.AdapterApplication;
import org.casemgmt.adapter.testing.Await;
import org.casemgmt.adapter.testing.MllpSender;
import org.casemgmt.adapter.testing.PostgresTestDatabase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service pulls Encounters and Conditions (and their Patients) from EHR FHIR APIs that WireMock plays, each test
 * with a source of its own, all polling every second: paging, faults on the way (a 500, a dropped connection, a slow
 * reply, a 429, an expired SMART token), a source refusing for good while others go on, a page that fails, bad
 * resources, re-polls and overlaps with ADT, and the eligibility evidence the pulled records make.
 */
@SpringBootTest(classes = AdapterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EhrPullTest {
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String NORTHSIDE_MRN = "https://northside.example.org/sid/mrn";
  private static final String NORTHSIDE_VISIT = "https://northside.example.org/sid/visit";
  private static final String ENCOUNTER_KIND = "https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind";
  private static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String BASIC_PASSWORD = "s3cret-for-tests";
  private static final String CLIENT_ID = "casemgmt-test-client";

  private static final FakeEhr FAKE_EHR = new FakeEhr();
  private static final WireMockServer EHR = new WireMockServer(
      com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().extensions(FAKE_EHR));
  private static final KeyPair SMART_KEYS = rsaKeys();
  private static final int MLLP_PORT = freePort();

  static {
    EHR.start();
    for (String source : List.of("paging", "flaky", "reset", "slow", "throttled", "smart", "broken", "watermark",
        "overlap", "badres", "eligible")) {
      EHR.stubFor(any(urlPathMatching("/" + source + "/fhir/.*")).atPriority(10)
          .willReturn(aResponse().withTransformers(FakeEhr.NAME)));
    }
    // Faults laid over the fake EHR, each once when a test arms its scenario.
    fault("flaky", aResponse().withStatus(500).withBody("upstream database unavailable"));
    // Twice: the JDK's client itself retries a GET once when a pooled connection turns out dead.
    fault("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    EHR.stubFor(any(urlPathMatching("/reset/fhir/Encounter")).atPriority(1).inScenario("reset")
        .whenScenarioStateIs("spent").willSetStateTo("spent twice")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    fault("slow", aResponse().withFixedDelay(6000).withTransformers(FakeEhr.NAME));
    fault("throttled", aResponse().withStatus(429).withHeader("Retry-After", "2"));
    EHR.stubFor(any(urlPathMatching("/broken/fhir/.*")).atPriority(1).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/fhir+json")
        .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\","
            + "\"diagnostics\":\"scope system/Encounter.rs not granted\"}]}")));
    // The SMART token endpoint hands out t1, then t2, then t3, each valid for an hour.
    for (String[] step : List.of(new String[] {"Started", "t1", "second"}, new String[] {"second", "t2", "third"},
        new String[] {"third", "t3", "third"})) {
      EHR.stubFor(post(urlEqualTo("/smart/token")).inScenario("tokens").whenScenarioStateIs(step[0])
          .willSetStateTo(step[2]).willReturn(aResponse().withHeader("Content-Type", "application/json")
              .withBody("{\"access_token\":\"" + step[1] + "\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                  + "\"scope\":\"system/Patient.rs system/Encounter.rs system/Condition.rs\"}")));
    }
    FAKE_EHR.source("smart").acceptedAuthorization = "Bearer t1";
    FAKE_EHR.source("paging").acceptedAuthorization = "Basic " + Base64.getEncoder()
        .encodeToString(("adapter:" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
    FAKE_EHR.source("flaky").acceptedAuthorization = "Bearer static-token";
  }

  @LocalServerPort
  private int port;

  @Autowired
  private FhirContext fhirContext;

  @DynamicPropertySource
  static void service(DynamicPropertyRegistry registry) throws IOException {
    // Created once: the registry asks its suppliers again whenever the property is read.
    String database = PostgresTestDatabase.create("ehrpull");
    registry.add("spring.datasource.url", () -> database);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("adapter.mllp.port", () -> MLLP_PORT);
    String adtInbox = folder("adt-inbox");
    String claimsInbox = folder("claims-inbox");
    registry.add("adapter.adt.inbox", () -> adtInbox);
    registry.add("adapter.claims.inbox", () -> claimsInbox);
    registry.add("adapter.ehr.initial-delay", () -> "PT1S");
    Path key = Files.createTempFile("smart", ".pem");
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(SMART_KEYS.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    List<String> sources = List.of("paging", "flaky", "reset", "slow", "throttled", "smart", "broken", "watermark",
        "overlap", "badres", "eligible");
    for (int i = 0; i < sources.size(); i++) {
      String source = sources.get(i);
      String prefix = "adapter.ehr.sources[" + i + "].";
      registry.add(prefix + "id", () -> source);
      registry.add(prefix + "base-url", () -> base(source));
      registry.add(prefix + "poll-interval", () -> "PT1S");
      registry.add(prefix + "page-size", () -> source.equals("paging") || source.equals("watermark") ? 2 : 50);
      registry.add(prefix + "retry.initial-backoff", () -> "PT0.2S");
      registry.add(prefix + "retry.max-backoff", () -> "PT5S");
      registry.add(prefix + "retry.max-attempts", () -> source.equals("watermark") ? 2 : 5);
      registry.add(prefix + "timeouts.read", () -> source.equals("slow") ? "PT2S" : "PT10S");
    }
    registry.add("adapter.ehr.sources[0].auth.type", () -> "basic");
    registry.add("adapter.ehr.sources[0].auth.username", () -> "adapter");
    registry.add("adapter.ehr.sources[0].auth.password", () -> BASIC_PASSWORD);
    registry.add("adapter.ehr.sources[1].auth.type", () -> "bearer");
    registry.add("adapter.ehr.sources[1].auth.token", () -> "static-token");
    registry.add("adapter.ehr.sources[5].auth.type", () -> "smart-backend");
    registry.add("adapter.ehr.sources[5].auth.client-id", () -> CLIENT_ID);
    registry.add("adapter.ehr.sources[5].auth.token-url", () -> "http://localhost:" + EHR.port() + "/smart/token");
    registry.add("adapter.ehr.sources[5].auth.private-key", key::toString);
    registry.add("adapter.ehr.sources[5].auth.key-id", () -> "test-key-1");
    registry.add("adapter.ehr.sources[5].auth.scope",
        () -> "system/Patient.rs system/Encounter.rs system/Condition.rs");
    registry.add("adapter.ehr.sources[8].mrn-system", () -> NORTHSIDE_MRN);
  }

  @AfterAll
  static void stopEhr() {
    EHR.stop();
  }

  @Test
  void encountersAndConditionsArePulledOverSeveralPagesOnceEachWithTheirClientsAndProvenance() {
    FakeEhr.Source ehr = FAKE_EHR.source("paging");
    String mrn = "M" + uniqueValue();
    ehr.put(patient("p1", "urn:oid:2.16.840.1.113883.19.5", mrn, null));
    ehr.put(patient("p2", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), null));
    for (int i = 1; i <= 5; i++) {
      ehr.put(stay("e" + i, i % 2 == 1 ? "p1" : "p2", "2026-0" + i + "-02T10:00:00-06:00", true));
    }
    ehr.put(diagnosis("c1", "p1", "F209", "e1"));
    ehr.put(diagnosis("c2", "p2", "F31.9", "e2"));
    String last = ehr.put(diagnosis("c3", "p1", "F25.0", null));

    await("the last Condition recorded", () -> !stored("paging", "Condition", "c3").isEmpty());
    await("the Condition watermark at the last one", () -> last.equals(watermark("paging", "Condition")));

    Patient client = single(Patient.class, "Patient?identifier=" + base("paging") + "/Patient|p1");
    assertThat(client.getIdentifier()).extracting(id -> id.getSystem() + "|" + id.getValue())
        .contains("urn:oid:2.16.840.1.113883.19.5|" + mrn);
    for (int i = 1; i <= 5; i++) {
      Encounter stay = (Encounter) single("paging", "Encounter", "e" + i);
      assertThat(stay.getSubject().getReference()).startsWith("Patient/");
      assertThat(kind(stay)).isEqualTo("psychiatric-inpatient");
    }
    Encounter first = (Encounter) single("paging", "Encounter", "e1");
    assertThat(first.getSubject().getReference()).isEqualTo("Patient/" + client.getIdPart());
    Condition schizophrenia = (Condition) single("paging", "Condition", "c1");
    assertThat(schizophrenia.getCode().getCodingFirstRep().getSystem()).isEqualTo(ICD_10_CM);
    assertThat(schizophrenia.getCode().getCodingFirstRep().getCode()).isEqualTo("F20.9");
    assertThat(schizophrenia.getEncounter().getReference()).isEqualTo("Encounter/" + first.getIdPart());

    Provenance provenance = single(Provenance.class, "Provenance?target=Encounter/" + first.getIdPart());
    assertThat(provenance.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo(base("paging"));
    assertThat(provenance.getEntity()).extracting(entity -> entity.getWhat().getDisplay())
        .contains(base("paging") + "/Encounter/e1/_history/1");

    // Searches sorted by _lastUpdated, two per page, along the next links, with the basic credentials.
    List<LoggedRequest> searches = EHR.findAll(getRequestedFor(urlPathEqualTo("/paging/fhir/Encounter")));
    assertThat(searches).allSatisfy(request -> {
      assertThat(request.queryParameter("_sort").firstValue()).isEqualTo("_lastUpdated");
      assertThat(request.queryParameter("_count").firstValue()).isEqualTo("2");
      assertThat(request.getHeader("Authorization")).startsWith("Basic ");
    });
    assertThat(searches).extracting(request -> request.queryParameter("_offset").isPresent()
        ? request.queryParameter("_offset").firstValue() : "first").contains("first", "2", "4");
  }

  @Test
  void whatAPulledPatientLeavesOutKeepsWhatIsKnownAndAnotherFirstNameReplacesTheName() {
    FakeEhr.Source ehr = FAKE_EHR.source("paging");
    Patient full = patient("p10", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), "Sangamon");
    full.getNameFirstRep().addGiven("Maria");
    full.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("217-555-0100");
    ehr.put(full);
    Encounter visit = stay("e10", "p10", "2026-04-02T10:00:00-05:00", true);
    ehr.put(visit);
    String query = "Patient?identifier=" + base("paging") + "/Patient|p10";
    await("the client recorded", () -> !search(Patient.class, query).isEmpty());

    // The EHR's next version has no middle name, county or phone: sent again with the stay, they stay as known.
    Patient sparse = patient("p10", full.getIdentifierFirstRep().getSystem(), full.getIdentifierFirstRep().getValue(),
        null);
    ehr.put(sparse);
    String touched = ehr.put(visit);
    await("the stay polled again", () -> touched.equals(watermark("paging", "Encounter")));
    Patient kept = single(Patient.class, query);
    assertThat(kept.getNameFirstRep().getGiven()).extracting(given -> given.getValue())
        .containsExactly("Dana", "Maria");
    assertThat(kept.getAddressFirstRep().getDistrict()).isEqualTo("Sangamon");
    assertThat(kept.getTelecomFirstRep().getValue()).isEqualTo("217-555-0100");

    // Another first name is the EHR saying the name is another: taken as sent.
    Patient renamed = sparse.copy();
    renamed.getNameFirstRep().getGiven().clear();
    renamed.getNameFirstRep().addGiven("Dara");
    ehr.put(renamed);
    String again = ehr.put(visit);
    await("the stay polled once more", () -> again.equals(watermark("paging", "Encounter")));
    assertThat(single(Patient.class, query).getNameFirstRep().getGiven()).extracting(given -> given.getValue())
        .containsExactly("Dara");
  }

  @Test
  void aRePollOfUnchangedResourcesWritesNothingAndAChangeMakesANewVersionOfTheSameEncounter() {
    FakeEhr.Source ehr = FAKE_EHR.source("paging");
    ehr.put(patient("p9", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), null));
    Encounter admitted = stay("e9", "p9", "2026-03-20T10:00:00-05:00", true);
    admitted.setStatus(Encounter.EncounterStatus.INPROGRESS).getPeriod().setEnd(null);
    ehr.put(admitted);
    await("the admission recorded", () -> !stored("paging", "Encounter", "e9").isEmpty());
    Encounter before = (Encounter) single("paging", "Encounter", "e9");
    Patient clientBefore = single(Patient.class, "Patient?identifier=" + base("paging") + "/Patient|p9");

    // The EHR touches the stay without changing it (meta only): it is sent again, later than the watermark.
    String touched = ehr.put(admitted);
    await("the touch polled", () -> touched.equals(watermark("paging", "Encounter")));
    assertThat(single("paging", "Encounter", "e9").getMeta().getVersionId())
        .isEqualTo(before.getMeta().getVersionId());
    assertThat(single(Patient.class, "Patient?identifier=" + base("paging") + "/Patient|p9").getMeta()
        .getVersionId()).isEqualTo(clientBefore.getMeta().getVersionId());
    assertThat(search(Provenance.class, "Provenance?target=Encounter/" + before.getIdPart())).hasSize(1);

    // Then the patient is discharged: the same Encounter, a new version.
    Encounter discharged = admitted.copy();
    discharged.setStatus(Encounter.EncounterStatus.FINISHED).getPeriod()
        .setEndElement(new DateTimeType("2026-03-28T09:00:00-05:00"));
    ehr.put(discharged);
    await("the discharge recorded", () -> stored("paging", "Encounter", "e9").stream()
        .anyMatch(e -> ((Encounter) e).getStatus() == Encounter.EncounterStatus.FINISHED));
    List<Resource> stays = stored("paging", "Encounter", "e9");
    assertThat(stays).singleElement().satisfies(stay -> {
      assertThat(stay.getIdPart()).isEqualTo(before.getIdPart());
      assertThat(stay.getMeta().getVersionId()).isEqualTo("2");
    });
    assertThat(search(Provenance.class, "Provenance?target=Encounter/" + before.getIdPart())).hasSize(2);
  }

  @Test
  void aServerErrorIsRetriedWithinThePoll() {
    assertRetriedThrough("flaky");
    assertThat(EHR.getAllServeEvents()).anySatisfy(event -> {
      assertThat(event.getRequest().getUrl()).startsWith("/flaky/fhir/");
      assertThat(event.getResponse().getStatus()).isEqualTo(500);
    });
  }

  @Test
  void aConnectionResetByTheEhrIsRetriedWithinThePoll() {
    assertRetriedThrough("reset");
  }

  @Test
  void aReplyLaterThanTheReadTimeoutIsRetriedWithinThePoll() {
    assertRetriedThrough("slow");
  }

  @Test
  void tooManyRequestsIsRetriedAfterTheRetryAfterTheEhrAsks() {
    assertRetriedThrough("throttled");
    List<ServeEvent> events = EHR.getAllServeEvents().stream()
        .filter(event -> event.getRequest().getUrl().startsWith("/throttled/fhir/Encounter"))
        .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate())).toList();
    int throttled = events.stream().map(event -> event.getResponse().getStatus()).toList().indexOf(429);
    assertThat(throttled).isGreaterThanOrEqualTo(0).isLessThan(events.size() - 1);
    // The pause follows Retry-After (2 s), not the 0.2 s backoff.
    assertThat(Duration.between(events.get(throttled).getRequest().getLoggedDate().toInstant(),
        events.get(throttled + 1).getRequest().getLoggedDate().toInstant())).isGreaterThanOrEqualTo(
        Duration.ofMillis(1900));
  }

  @Test
  void anExpiredSmartTokenIsRenewedOnceWithANewSignedAssertionAndThePollGoesOn() throws Exception {
    FakeEhr.Source ehr = FAKE_EHR.source("smart");
    ehr.put(patient("p1", MEDICAID, uniqueValue(), null));
    ehr.put(stay("e1", "p1", "2026-02-02T10:00:00-06:00", true));
    await("the first stay recorded", () -> !stored("smart", "Encounter", "e1").isEmpty());
    assertThat(EHR.findAll(postRequestedFor(urlEqualTo("/smart/token")))).hasSize(1);

    // The EHR revokes t1 (it expired early, say): the next request is refused with 401.
    ehr.acceptedAuthorization = "Bearer t2";
    ehr.put(stay("e2", "p1", "2026-03-02T10:00:00-06:00", true));
    await("the second stay recorded", () -> !stored("smart", "Encounter", "e2").isEmpty());

    List<LoggedRequest> tokenRequests = EHR.findAll(postRequestedFor(urlEqualTo("/smart/token")));
    assertThat(tokenRequests).hasSize(2);
    assertThat(EHR.getAllServeEvents()).anySatisfy(event -> {
      assertThat(event.getRequest().getUrl()).startsWith("/smart/fhir/");
      assertThat(event.getResponse().getStatus()).isEqualTo(401);
    });
    for (LoggedRequest request : tokenRequests) {
      assertSignedAssertion(request);
    }
    assertThat(tokenRequests.stream().map(request -> claims(form(request).get("client_assertion")).get("jti")
        .asText()).distinct()).hasSize(2);

    // t2 is kept until it expires: further polls ask for no new token.
    long polled = EHR.findAll(getRequestedFor(urlPathMatching("/smart/fhir/.*"))).size();
    await("three more polls", () -> EHR.findAll(getRequestedFor(urlPathMatching("/smart/fhir/.*"))).size()
        >= polled + 6);
    assertThat(EHR.findAll(postRequestedFor(urlEqualTo("/smart/token")))).hasSize(2);
    assertThat(health("smart").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void aSourceRefusedForGoodIsDownInHealthAndTheOtherSourcesGoOn() throws Exception {
    await("broken reported down", () -> "DOWN".equals(health("broken").path("status").asText()));
    JsonNode broken = health("broken");
    assertThat(broken.at("/details/lastError").asText())
        .containsPattern("(Encounter|Condition): GET /broken/fhir/(Encounter|Condition)\\?")
        .contains("HTTP 403").contains("error forbidden")
        .doesNotContain("scope system/Encounter.rs not granted");
    assertThat(broken.at("/details/baseUrl").asText()).isEqualTo(base("broken"));
    assertThat(broken.at("/details/lastSuccess").isMissingNode()).isTrue();
    assertThat(broken.at("/details/retries").asLong()).isZero(); // a 403 is not retried

    FakeEhr.Source other = FAKE_EHR.source("paging");
    other.put(patient("p-after", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), null));
    other.put(stay("e-after", "p-after", "2026-05-05T10:00:00-05:00", false));
    await("another source still recording", () -> !stored("paging", "Encounter", "e-after").isEmpty());
    assertThat(health("paging").path("status").asText()).isEqualTo("UP");
    assertThat(health("broken").path("status").asText()).isEqualTo("DOWN");
    assertThat(healthRoot().at("/components/ehr/status").asText()).isEqualTo("DOWN");
  }

  @Test
  void theWatermarkStaysAtTheLastCommittedPageWhileALaterPageFailsAndThePollResumesFromIt() {
    FakeEhr.Source ehr = FAKE_EHR.source("watermark");
    ehr.failingResource = "Encounter/e3";
    ehr.put(patient("p1", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), null));
    String[] lastUpdated = new String[6];
    for (int i = 1; i <= 5; i++) {
      lastUpdated[i] = ehr.put(stay("e" + i, "p1", "2026-0" + i + "-10T10:00:00-06:00", false));
    }

    // Page 1 (e1, e2) commits; page 2 (e3, e4) answers 503 twice: the poll stops with the watermark below e2
    // (e2's time might go on over the next page).
    await("page 2 failed", () -> health("watermark").at("/details/lastError").asText().contains("HTTP 503"));
    assertThat(health("watermark").at("/details/lastError").asText()).contains("after 2 attempt(s)");
    assertThat(watermark("watermark", "Encounter")).isEqualTo(lastUpdated[1]);
    assertThat(stored("watermark", "Encounter", "e1")).hasSize(1);
    assertThat(stored("watermark", "Encounter", "e2")).hasSize(1);
    assertThat(stored("watermark", "Encounter", "e3")).isEmpty();
    long failedPolls = EHR.findAll(getRequestedFor(urlPathEqualTo("/watermark/fhir/Encounter"))).stream()
        .filter(request -> ("gt" + lastUpdated[1]).equals(parameter(request, "_lastUpdated"))).count();
    await("later polls ask again from the watermark", () -> EHR.findAll(
        getRequestedFor(urlPathEqualTo("/watermark/fhir/Encounter"))).stream()
        .filter(request -> ("gt" + lastUpdated[1]).equals(parameter(request, "_lastUpdated"))).count()
        > failedPolls);
    assertThat(watermark("watermark", "Encounter")).isEqualTo(lastUpdated[1]);
    assertThat(health("watermark").path("status").asText()).isEqualTo("DOWN");

    ehr.failingResource = null;
    await("the rest recorded", () -> lastUpdated[5].equals(watermark("watermark", "Encounter")));
    for (int i = 1; i <= 5; i++) {
      assertThat(stored("watermark", "Encounter", "e" + i)).as("e" + i).hasSize(1);
    }
    await("the source up again", () -> "UP".equals(health("watermark").path("status").asText()));
  }

  @Test
  void aStayAdtRecordedIsTheSameEncounterWhenTheEhrSendsItAndKeepsItsPsychiatricKind() {
    String mrn = "M" + uniqueValue();
    String visit = "V" + uniqueValue();
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      assertThat(ackCode(hospital.send(a01(mrn, visit)))).isEqualTo("AA");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Encounter fromAdt = single(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit);
    assertThat(kind(fromAdt)).isEqualTo("psychiatric-inpatient");

    // The hospital's FHIR API: the same patient (its MRN) and visit (its visit number), without a psychiatric code.
    FakeEhr.Source ehr = FAKE_EHR.source("overlap");
    Patient patient = patient("pat-7", NORTHSIDE_MRN, mrn, null);
    patient.getIdentifierFirstRep().setType(null);
    ehr.put(patient);
    Encounter stay = stay("enc-7", "pat-7", "2026-03-01T08:00:00-06:00", false);
    stay.addIdentifier().setSystem(NORTHSIDE_VISIT).setValue(visit);
    ehr.put(stay);

    await("the pulled stay recorded", () -> !stored("overlap", "Encounter", "enc-7").isEmpty());
    List<Encounter> stays = search(Encounter.class, "Encounter?identifier=" + NORTHSIDE_VISIT + "|" + visit);
    assertThat(stays).singleElement().satisfies(recorded -> {
      assertThat(recorded.getIdPart()).isEqualTo(fromAdt.getIdPart());
      assertThat(recorded.getIdentifier()).extracting(id -> id.getSystem() + "|" + id.getValue())
          .contains(NORTHSIDE_VISIT + "|" + visit, base("overlap") + "/Encounter|enc-7");
      assertThat(recorded.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
      assertThat(kind(recorded)).isEqualTo("psychiatric-inpatient");
      assertThat(recorded.hasStatusHistory()).isTrue(); // ADT's, kept
    });
    List<Patient> clients = search(Patient.class, "Patient?identifier=" + NORTHSIDE_MRN + "|" + mrn);
    assertThat(clients).singleElement().satisfies(client -> assertThat(client.getIdentifier())
        .extracting(id -> id.getSystem() + "|" + id.getValue()).contains(base("overlap") + "/Patient|pat-7"));
    assertThat(search(Provenance.class, "Provenance?target=Encounter/" + fromAdt.getIdPart()))
        .extracting(p -> p.getAgentFirstRep().getWho().getIdentifier().getValue())
        .contains(base("overlap"));
  }

  @Test
  void badResourcesBecomeDeadLettersWithTheirReasonAndTheRestOfThePageIsRecorded() throws Exception {
    FakeEhr.Source ehr = FAKE_EHR.source("badres");
    ehr.put(patient("ok", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), null));
    Patient sexless = patient("no-sex", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), null);
    sexless.setGender(null);
    ehr.put(sexless);
    ehr.put(stay("e-ok", "ok", "2026-02-01T10:00:00-06:00", true));
    ehr.put(stay("e-client", "no-sex", "2026-02-03T10:00:00-06:00", true));
    Encounter statusless = stay("e-status", "ok", "2026-02-05T10:00:00-06:00", true);
    statusless.setStatus(null);
    ehr.put(statusless);
    ehr.put(diagnosis("c-ok", "ok", "F20.9", "e-ok"));
    Condition abatedButActive = diagnosis("c-bad", "ok", "F31.9", null);
    abatedButActive.setAbatement(new DateTimeType("2026-02-20"));
    String last = ehr.put(abatedButActive);

    await("the Condition watermark past the bad one", () -> last.equals(watermark("badres", "Condition")));
    assertThat(stored("badres", "Encounter", "e-ok")).hasSize(1);
    assertThat(stored("badres", "Condition", "c-ok")).hasSize(1);
    assertThat(stored("badres", "Encounter", "e-client")).isEmpty();
    assertThat(stored("badres", "Encounter", "e-status")).isEmpty();
    assertThat(stored("badres", "Condition", "c-bad")).isEmpty();

    JsonNode letters = json(get("/admin/dead-letters?feed=ehr-badres"));
    Map<String, String> reasons = new java.util.TreeMap<>();
    letters.forEach(letter -> reasons.put(letter.path("source").asText(), letter.path("reason").asText()));
    assertThat(reasons).containsOnlyKeys(base("badres") + "/Encounter/e-client",
        base("badres") + "/Encounter/e-status", base("badres") + "/Condition/c-bad");
    assertThat(reasons.get(base("badres") + "/Encounter/e-client"))
        .contains("Encounter/e-client: its client Patient/no-sex cannot be recorded")
        .contains("Patient.gender");
    assertThat(reasons.get(base("badres") + "/Encounter/e-status"))
        .isEqualTo("Encounter/e-status: status is missing (Encounter.status is required)");
    assertThat(reasons.get(base("badres") + "/Condition/c-bad"))
        .contains("Condition/c-bad does not make a valid Condition of the record").contains("con-4");
    assertThat(health("badres").at("/details/deadLetters").asLong()).isEqualTo(3);

    // A dead letter keeps what was received and goes through the source again when replayed.
    long id = letters.findValuesAsText("id").stream().map(Long::parseLong).min(Long::compare).orElseThrow();
    JsonNode letter = json(get("/admin/dead-letters/" + id));
    assertThat(letter.at("/payload").asText()).contains("\"resourceType\":\"Bundle\"");
    JsonNode replay = json(postTo("/admin/dead-letters/" + id + "/replay"));
    assertThat(replay.path("outcome").asText()).isEqualTo("failed-again");
  }

  @Test
  void pulledPsychiatricStaysAndDiagnosesAreEligibilityEvidenceAndANewDiagnosisReEvaluatesTheClient() {
    FakeEhr.Source ehr = FAKE_EHR.source("eligible");
    String medicaidId = uniqueValue();
    ehr.put(patient("p1", MEDICAID, medicaidId, "Sangamon"));
    ehr.put(stay("e1", "p1", "2025-10-01T10:00:00-05:00", true));
    ehr.put(stay("e2", "p1", "2026-01-12T22:40:00-06:00", true));
    await("both stays recorded", () -> !stored("eligible", "Encounter", "e2").isEmpty());
    String client = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + medicaidId).getIdPart();
    createMedicaidCoverage(client, medicaidId);

    Observation first = evaluate(client);
    assertThat(criterion(first, "functional-impairment")).isEqualTo("met"); // the two pulled stays
    assertThat(criterion(first, "diagnosis")).isNotEqualTo("met");
    assertThat(outcome(first)).isNotEqualTo("eligible");

    // The EHR records a schizophrenia diagnosis; its pull re-evaluates the client through EvidenceCommits.
    Condition diagnosis = diagnosis("c1", "p1", "F20.9", "e2");
    diagnosis.setRecordedDateElement(new DateTimeType(java.time.LocalDate.now().toString()));
    ehr.put(diagnosis);

    await("determination version 2", () -> "2".equals(read(first).getMeta().getVersionId()));
    Observation current = read(first);
    assertThat(outcome(current)).isEqualTo("eligible");
    assertThat(criterion(current, "diagnosis")).isEqualTo("met");
  }

  // --- the fake EHR's faults ---

  private static void fault(String source, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder reply) {
    EHR.stubFor(any(urlPathMatching("/" + source + "/fhir/Encounter")).atPriority(1).inScenario(source)
        .whenScenarioStateIs("armed").willSetStateTo("spent").willReturn(reply));
  }

  /** Arms the source's fault for its next Encounter search, while new data waits: it must come through. */
  private void assertRetriedThrough(String source) {
    FakeEhr.Source ehr = FAKE_EHR.source(source);
    await(source + " polled once", () -> "UP".equals(health(source).path("status").asText()));
    long retriesBefore = health(source).at("/details/retries").asLong();
    EHR.setScenarioState(source, "armed");
    ehr.put(patient("p1", "urn:oid:2.16.840.1.113883.19.5", "M" + uniqueValue(), null));
    ehr.put(stay("e1", "p1", "2026-02-02T10:00:00-06:00", true));

    await("the stay recorded", () -> !stored(source, "Encounter", "e1").isEmpty());
    JsonNode health = health(source);
    assertThat(health.at("/details/retries").asLong()).isGreaterThan(retriesBefore);
    assertThat(health.at("/details/lastError").isMissingNode()).as("no poll failed").isTrue();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(EHR.getAllScenarios().getScenarios()).anySatisfy(scenario -> {
      assertThat(scenario.getName()).isEqualTo(source);
      assertThat(scenario.getState()).startsWith("spent");
    });
  }

  // --- the SMART assertion ---

  private static void assertSignedAssertion(LoggedRequest request) throws Exception {
    Map<String, String> form = form(request);
    assertThat(form.get("grant_type")).isEqualTo("client_credentials");
    assertThat(form.get("client_assertion_type")).isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    assertThat(form.get("scope")).isEqualTo("system/Patient.rs system/Encounter.rs system/Condition.rs");
    String[] jwt = form.get("client_assertion").split("\\.");
    JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[0]));
    assertThat(header.get("alg").asText()).isEqualTo("RS384");
    assertThat(header.get("kid").asText()).isEqualTo("test-key-1");
    JsonNode claims = claims(form.get("client_assertion"));
    assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("sub").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("aud").asText()).isEqualTo("http://localhost:" + EHR.port() + "/smart/token");
    long sent = request.getLoggedDate().toInstant().getEpochSecond();
    assertThat(claims.get("exp").asLong()).isGreaterThan(sent).isLessThanOrEqualTo(sent + 300);
    Signature rs384 = Signature.getInstance("SHA384withRSA");
    rs384.initVerify(SMART_KEYS.getPublic());
    rs384.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs384.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signed with the client's key").isTrue();
  }

  private static JsonNode claims(String jwt) {
    try {
      return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> form(LoggedRequest request) {
    return Arrays.stream(request.getBodyAsString().split("&")).map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }

  // --- what the EHRs hold ---

  private static Patient patient(String id, String system, String value, String county) {
    Patient patient = new Patient();
    patient.setId(id);
    patient.addIdentifier().setSystem(system).setValue(value).getType()
        .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null));
    patient.addName().setFamily("Rivera").addGiven("Dana");
    patient.setGender(AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new DateType("1986-05-17"));
    patient.addAddress().addLine("12 Elm St").setCity("Springfield").setDistrict(county).setState("IL")
        .setPostalCode("62704");
    return patient;
  }

  /** An inpatient stay, a psychiatric one when the service is psychiatry (SNOMED 394587001). */
  private static Encounter stay(String id, String patient, String start, boolean psychiatric) {
    Encounter stay = new Encounter();
    stay.setId(id);
    stay.setStatus(Encounter.EncounterStatus.FINISHED);
    stay.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
    if (psychiatric) {
      stay.setServiceType(new CodeableConcept(new Coding("http://snomed.info/sct", "394587001", "Psychiatry")));
    }
    stay.setSubject(new Reference("Patient/" + patient));
    // Six days in hospital.
    stay.getPeriod().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(
        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(java.time.OffsetDateTime.parse(start)
            .plusDays(6))));
    return stay;
  }

  private static Condition diagnosis(String id, String patient, String icd10, String encounter) {
    Condition diagnosis = new Condition();
    diagnosis.setId(id);
    diagnosis.getClinicalStatus().addCoding(
        new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
    diagnosis.getVerificationStatus().addCoding(
        new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null));
    diagnosis.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-category",
        "encounter-diagnosis", null));
    diagnosis.getCode().addCoding(new Coding("urn:oid:2.16.840.1.113883.6.90", icd10, null));
    diagnosis.setSubject(new Reference("Patient/" + patient));
    if (encounter != null) {
      diagnosis.setEncounter(new Reference("Encounter/" + encounter));
    }
    diagnosis.setRecordedDateElement(new DateTimeType("2026-02-01"));
    return diagnosis;
  }

  private static String a01(String mrn, String visit) {
    String[] pv1 = new String[46];
    Arrays.fill(pv1, "");
    pv1[1] = "1";
    pv1[2] = "I";
    pv1[3] = "5EAST^501^A";
    pv1[10] = "PSY";
    pv1[19] = visit;
    pv1[44] = "20260301080000-0600";
    return String.join("\r",
        "MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|AGENCY|20260301083000-0600||ADT^A01^ADT_A01|" + uniqueValue()
            + "|P|2.5.1",
        "EVN|A01|20260301083000-0600",
        "PID|1||" + mrn + "^^^NORTHSIDE^MR||Rivera^Dana^M||19860517|F|||12 Elm St^^Springfield^IL^62704^USA^H^^Sangamon",
        "PV1|" + String.join("|", Arrays.copyOfRange(pv1, 1, 46))) + "\r";
  }

  // --- the service ---

  private static String base(String source) {
    return "http://localhost:" + EHR.port() + "/" + source + "/fhir";
  }

  private IGenericClient fhir() {
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = fhirContext.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.admin("http://localhost:" + port)));
    return client;
  }

  private <T extends Resource> List<T> search(Class<T> type, String url) {
    // No cached search results: the tests wait for resources to appear.
    Bundle found = fhir().search().byUrl(url).cacheControl(new CacheControlDirective().setNoCache(true))
        .returnBundle(Bundle.class).execute();
    return found.getEntry().stream().map(entry -> type.cast(entry.getResource())).toList();
  }

  private <T extends Resource> T single(Class<T> type, String url) {
    List<T> found = search(type, url);
    assertThat(found).as(url).hasSize(1);
    return found.get(0);
  }

  /** The record's resources pulled from a source as one of its resources. */
  private List<Resource> stored(String source, String type, String id) {
    return search(Resource.class, type + "?identifier=" + base(source) + "/" + type + "|" + id);
  }

  private Resource single(String source, String type, String id) {
    List<Resource> found = stored(source, type, id);
    assertThat(found).as(type + " " + id + " of " + source).hasSize(1);
    return found.get(0);
  }

  private static String kind(Encounter encounter) {
    return encounter.getType().stream().flatMap(type -> type.getCoding().stream())
        .filter(coding -> ENCOUNTER_KIND.equals(coding.getSystem())).map(Coding::getCode).findFirst().orElse(null);
  }

  private JsonNode healthRoot() {
    return json(get("/actuator/health"));
  }

  private JsonNode health(String source) {
    return healthRoot().at("/components/ehr/components/" + source);
  }

  private String watermark(String source, String type) {
    JsonNode watermark = health(source).at("/details/watermarks/" + type);
    return watermark.isMissingNode() ? null : watermark.asText();
  }

  private void createMedicaidCoverage(String client, String medicaidId) {
    Coverage coverage = example("medicaid-coverage", Coverage.class);
    coverage.getIdentifierFirstRep().setValue(medicaidId);
    coverage.setSubscriberId(medicaidId);
    coverage.setBeneficiary(new Reference("Patient/" + client));
    coverage.getPeriod().setStartElement(new DateTimeType("2025-01-01"));
    coverage.setPayor(List.of(new Reference().setDisplay("Illinois Medicaid managed care plan")));
    fhir().create().resource(coverage).execute();
  }

  private Observation evaluate(String client) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("program").setValue(new CodeType("claims-driven-tailored"));
    return fhir().operation().onInstance(new IdType("Patient", client)).named("$evaluate-eligibility")
        .withParameters(parameters).returnResourceType(Observation.class).execute();
  }

  private Observation read(Observation determination) {
    return fhir().read().resource(Observation.class).withId(determination.getIdPart()).execute();
  }

  private static String outcome(Observation determination) {
    return determination.getValueCodeableConcept().getCodingFirstRep().getCode();
  }

  private static String criterion(Observation determination, String code) {
    return determination.getComponent().stream()
        .filter(component -> component.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode())))
        .map(component -> component.getValueCodeableConcept().getCodingFirstRep().getCode())
        .findFirst().orElse(null);
  }

  private static String parameter(LoggedRequest request, String name) {
    return request.queryParameter(name).isPresent() ? request.queryParameter(name).firstValue() : null;
  }

  private String get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
        .header("Authorization", "Bearer " + Tokens.admin("http://localhost:" + port)).build());
  }

  private String postTo(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + Tokens.admin("http://localhost:" + port))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private static String send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    Await.until(what, DEADLINE, condition);
  }

  private static String folder(String name) {
    try {
      return Files.createTempDirectory(name).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
