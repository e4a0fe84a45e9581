package org.casemgmt.adapter.careplan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.casemgmt.adapter.testing.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.casemgmt.adapter.AdapterApplication;
import org.casemgmt.adapter.testing.PostgresTestDatabase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestTemplate;

/**
 * Individualized Service Plans go out to the EHRs configured to receive them, played here by two WireMock servers
 * with their own authentication: once when the client's plan becomes active, again when it changes, never while it is
 * a draft; through server errors by retrying, and into the dead-letter store when an EHR refuses it or never recovers,
 * from where a replay delivers it. HAPI's rest-hook Subscriptions notify a subscriber of the same activation.
 */
@SpringBootTest(classes = AdapterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CarePlanExchangeTest {
  private static final String SYSTEM = "https://fhir.casemgmt-adapter.org/sid/isp";
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String DATABASE_URL = PostgresTestDatabase.create("careplan");
  private static final WireMockServer COUNTY = started();
  private static final WireMockServer HOSPITAL = started();
  private static final String COUNTY_PATH = "/county/fhir";
  private static final String HOSPITAL_PATH = "/hospital/r4";
  private static final String TRANSACTION_RESPONSE = "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\"}";

  @LocalServerPort
  private int port;
  @Autowired
  private FhirContext fhirContext;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private CamelContext camel;

  @DynamicPropertySource
  static void service(DynamicPropertyRegistry registry) throws IOException {
    registry.add("spring.datasource.url", () -> DATABASE_URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("adapter.mllp.port", CarePlanExchangeTest::freePort);
    registry.add("adapter.adt.inbox", Files.createTempDirectory("adt-inbox")::toString);
    registry.add("adapter.claims.inbox", Files.createTempDirectory("claims-inbox")::toString);
    String endpoints = "adapter.careplan.exchange.endpoints";
    registry.add(endpoints + "[0].id", () -> "county-ehr");
    registry.add(endpoints + "[0].base-url", () -> COUNTY.baseUrl() + COUNTY_PATH);
    registry.add(endpoints + "[0].auth", () -> "bearer");
    registry.add(endpoints + "[0].token", () -> "county-token");
    registry.add(endpoints + "[0].retries", () -> "2");
    registry.add(endpoints + "[0].backoff", () -> "200ms");
    registry.add(endpoints + "[0].patient-identifier-system", () -> MEDICAID);
    registry.add(endpoints + "[1].id", () -> "hospital-ehr");
    registry.add(endpoints + "[1].base-url", () -> HOSPITAL.baseUrl() + HOSPITAL_PATH);
    registry.add(endpoints + "[1].auth", () -> "basic");
    registry.add(endpoints + "[1].username", () -> "adapter");
    registry.add(endpoints + "[1].password", () -> "s3cret");
    registry.add(endpoints + "[1].retries", () -> "2");
    registry.add(endpoints + "[1].backoff", () -> "200ms");
    registry.add("adapter.careplan.exchange.poll-interval", () -> "300ms");
  }

  @AfterAll
  static void stopEhrs() {
    COUNTY.stop();
    HOSPITAL.stop();
  }

  @Test
  void aDraftIsNotSentAndActivationSendsThePlanWithItsGoalsOnceToEveryEhr() {
    String client = client();
    String goal = create(Isps.goal(client));
    CarePlan draft = Isps.draft(client, List.of(goal));
    String plan = create(draft);
    assertThat(queued(plan)).as("a draft queues no send").isZero();

    update(plan, Isps.approvedAndActive(draft, client));

    Bundle sent = awaitSends(COUNTY, COUNTY_PATH, plan, 1).get(0);
    awaitSends(HOSPITAL, HOSPITAL_PATH, plan, 1);
    await("outbox emptied", () -> queued(plan) == 0);
    assertThat(sends(COUNTY, COUNTY_PATH, plan)).hasSize(1);
    assertThat(sends(HOSPITAL, HOSPITAL_PATH, plan)).hasSize(1);

    assertThat(sent.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(sent.getEntry()).extracting(entry -> entry.getRequest().getMethod().toCode() + " "
        + entry.getRequest().getUrl())
        .containsExactly("PUT Goal?identifier=" + SYSTEM + "-goal|" + id(goal), "PUT CarePlan?identifier=" + SYSTEM
            + "|" + id(plan));
    Goal sentGoal = (Goal) sent.getEntry().get(0).getResource();
    CarePlan sentPlan = (CarePlan) sent.getEntry().get(1).getResource();
    assertThat(sentPlan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
    assertThat(sentPlan.getGoalFirstRep().getReference()).isEqualTo(sent.getEntry().get(0).getFullUrl());
    assertThat(sentGoal.getTargetFirstRep().getDueDateType().getValueAsString()).isEqualTo("2026-06-01");
    // The EHR does not know our Patient ids: the client is named by Medicaid ID, with no literal reference.
    assertThat(sentPlan.getSubject().hasReference()).isFalse();
    assertThat(sentPlan.getSubject().getIdentifier().getSystem()).isEqualTo(MEDICAID);
    assertThat(sentPlan.getSubject().getIdentifier().getValue()).isEqualTo(medicaidIdOf(client));
    assertThat(sentPlan.getIdentifier())
        .anySatisfy(identifier -> assertThat(identifier.getValue()).isEqualTo(id(plan)));
    assertThat(sentPlan.getExtensionByUrl(Isps.APPROVAL)).isNotNull();

    LoggedRequest county = COUNTY.findAll(postRequestedFor(urlEqualTo(COUNTY_PATH))).get(0);
    assertThat(county.getHeader("Authorization")).isEqualTo("Bearer county-token");
    assertThat(county.getHeader("Content-Type")).startsWith("application/fhir+json");
    assertThat(HOSPITAL.findAll(postRequestedFor(urlEqualTo(HOSPITAL_PATH))).get(0).getHeader("Authorization"))
        .isEqualTo("Basic YWRhcHRlcjpzM2NyZXQ="); // adapter:s3cret
  }

  @Test
  void anEhrSentAClientsPlanMayReadThatClientsRecordAndNoOneElses() {
    String client = client();
    String other = client();
    String goal = create(Isps.goal(client));
    CarePlan draft = Isps.draft(client, List.of(goal));
    String plan = create(draft);
    IGenericClient county = fhirContext.newRestfulGenericClient(baseUrl() + "/fhir");
    county.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.client(baseUrl(), "county-ehr")));
    assertThat(readStatus(county, client)).as("before any plan was sent").isEqualTo(404);

    update(plan, Isps.approvedAndActive(draft, client));

    assertThat(readStatus(county, client)).isEqualTo(200);
    assertThat(readStatus(county, other)).isEqualTo(404);
  }

  private static int readStatus(IGenericClient fhir, String client) {
    try {
      fhir.read().resource(Patient.class).withUrl(client).execute();
      return 200;
    } catch (ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException e) {
      return e.getStatusCode();
    }
  }

  @Test
  void aChangeToAnActivePlanOrToOneOfItsGoalsIsSentAgain() {
    String client = client();
    String goal = create(Isps.goal(client));
    String plan = create(Isps.approvedAndActive(Isps.draft(client, List.of(goal)), client));
    awaitSends(COUNTY, COUNTY_PATH, plan, 1);

    CarePlan stored = fhir().read().resource(CarePlan.class).withId(id(plan)).execute();
    stored.getPeriod().setEndElement(new DateTimeType("2026-09-02"));
    update(plan, stored);
    Bundle second = awaitSends(COUNTY, COUNTY_PATH, plan, 2).get(1);
    assertThat(planIn(second).getPeriod().getEndElement().getValueAsString())
        .isEqualTo("2026-09-02");

    Goal progress = fhir().read().resource(Goal.class).withId(id(goal)).execute();
    progress.setAchievementStatus(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/goal-achievement", "improving", null)));
    fhir().update().resource(progress).execute();
    Bundle third = awaitSends(COUNTY, COUNTY_PATH, plan, 3).get(2);
    assertThat(((Goal) third.getEntry().get(0).getResource()).getAchievementStatus().getCodingFirstRep().getCode())
        .isEqualTo("improving");
  }

  @Test
  void aPlanThatLeavesActiveIsSentSoTheEhrCopyDoesNotStayActive() {
    String client = client();
    String plan = create(Isps.approvedAndActive(Isps.draft(client, List.of(create(Isps.goal(client)))), client));
    awaitSends(HOSPITAL, HOSPITAL_PATH, plan, 1);

    CarePlan stored = fhir().read().resource(CarePlan.class).withId(id(plan)).execute();
    stored.setStatus(CarePlan.CarePlanStatus.COMPLETED);
    update(plan, stored);

    Bundle completed = awaitSends(HOSPITAL, HOSPITAL_PATH, plan, 2).get(1);
    assertThat(planIn(completed).getStatus())
        .isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
  }

  @Test
  void aPlanWhoseTransactionRollsBackIsNeverSent() {
    String client = client();
    String marker = uniqueValue();
    CarePlan plan = Isps.approvedAndActive(Isps.draft(client, List.of(create(Isps.goal(client)))), client);
    plan.addIdentifier().setSystem("urn:ehr:plans").setValue(marker);
    Patient invalid = newClient(uniqueValue()).setGender(null); // refused by the client profile: all rolls back
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(plan).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CarePlan");
    transaction.addEntry().setResource(invalid).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fhir().transaction().withBundle(transaction).execute())
        .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class);

    assertThat(jdbc.queryForObject("SELECT count(*) FROM cm_careplan_outbox o WHERE NOT EXISTS"
        + " (SELECT 1 FROM hfj_resource r WHERE r.res_type = 'CarePlan' AND r.fhir_id = o.careplan_id)", Integer.class))
        .as("no send queued for a plan that is not stored").isZero();
    // A plan activated after it is sent; the drain works in queue order, so the other would have gone first.
    String later = create(Isps.approvedAndActive(Isps.draft(client, List.of(create(Isps.goal(client)))), client));
    awaitSends(COUNTY, COUNTY_PATH, later, 1);
    assertThat(COUNTY.findAll(postRequestedFor(urlEqualTo(COUNTY_PATH)).withRequestBody(containing(marker))))
        .isEmpty();
  }

  @Test
  void aServerErrorIsRetriedAndThePlanDeliveredOnce() {
    String client = client();
    CarePlan draft = Isps.draft(client, List.of(create(Isps.goal(client))));
    String plan = create(draft);
    StubMapping[] flaky = {
        COUNTY.stubFor(post(urlEqualTo(COUNTY_PATH)).withRequestBody(containing(planUrl(plan)))
            .inScenario(plan).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
            .willReturn(aResponse().withStatus(500))),
        COUNTY.stubFor(post(urlEqualTo(COUNTY_PATH)).withRequestBody(containing(planUrl(plan)))
            .inScenario(plan).whenScenarioStateIs("recovered").willReturn(okJson(TRANSACTION_RESPONSE)))};

    update(plan, Isps.approvedAndActive(draft, client));

    awaitSends(COUNTY, COUNTY_PATH, plan, 2);
    await("outbox emptied", () -> queued(plan) == 0);
    assertThat(sends(COUNTY, COUNTY_PATH, plan)).hasSize(2);
    assertThat(deadLettersOf(plan)).isEmpty();
    for (StubMapping stub : flaky) {
      COUNTY.removeStub(stub);
    }
  }

  @Test
  void aRefusedPlanIsKeptAsADeadLetterAndAReplayDeliversItOnceTheEhrAcceptsIt() {
    String client = client();
    CarePlan draft = Isps.draft(client, List.of(create(Isps.goal(client))));
    String plan = create(draft);
    StubMapping refusing = COUNTY.stubFor(post(urlEqualTo(COUNTY_PATH)).withRequestBody(containing(planUrl(plan)))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/fhir+json")
            .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\","
                + "\"diagnostics\":\"Unknown client identifier system\"}]}")));

    update(plan, Isps.approvedAndActive(draft, client));

    Map<String, Object> letter = await("dead letter", () -> deadLettersOf(plan).stream().findFirst().orElse(null));
    assertThat((String) letter.get("reason")).contains("HTTP 400 from county-ehr")
        .contains("Unknown client identifier system");
    assertThat((String) letter.get("source")).contains("county-ehr");
    await("outbox emptied", () -> queued(plan) == 0);
    assertThat(sends(COUNTY, COUNTY_PATH, plan)).as("a 4xx is not retried").hasSize(1);
    assertThat(sends(HOSPITAL, HOSPITAL_PATH, plan)).as("the other EHR took it").isNotEmpty();

    COUNTY.removeStub(refusing); // the EHR fixed its side
    Map<String, Object> replay = admin().postForObject(baseUrl() + "/admin/dead-letters/" + letter.get("id")
        + "/replay", null, Map.class);

    assertThat(replay.get("outcome")).isEqualTo("processed");
    List<Bundle> sent = sends(COUNTY, COUNTY_PATH, plan);
    assertThat(sent).hasSize(2);
    assertThat(planIn(sent.get(1)).getStatus())
        .isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
    assertThat(deadLettersOf(plan)).singleElement()
        .satisfies(replayed -> assertThat(replayed.get("status")).isEqualTo("REPLAYED"));
  }

  @Test
  void anEhrThatNeverRecoversGetsTheRetriesThenThePlanIsADeadLetter() {
    String client = client();
    CarePlan draft = Isps.draft(client, List.of(create(Isps.goal(client))));
    String plan = create(draft);
    StubMapping down = HOSPITAL.stubFor(post(urlEqualTo(HOSPITAL_PATH)).withRequestBody(containing(planUrl(plan)))
        .willReturn(aResponse().withStatus(503)));

    update(plan, Isps.approvedAndActive(draft, client));

    Map<String, Object> letter = await("dead letter", () -> deadLettersOf(plan).stream().findFirst().orElse(null));
    assertThat((String) letter.get("reason")).contains("HTTP 503 from hospital-ehr")
        .contains("gave up after 3 attempts");
    assertThat(sends(HOSPITAL, HOSPITAL_PATH, plan)).as("the first attempt and 2 retries").hasSize(3);
    await("outbox emptied", () -> queued(plan) == 0);
    HOSPITAL.removeStub(down);
  }

  @Test
  void aSendIsKeptInTheOutboxUntilTheSenderRunsAndClearedOnceDelivered() throws Exception {
    String client = client();
    CarePlan draft = Isps.draft(client, List.of(create(Isps.goal(client))));
    String plan = create(draft);
    camel.getRouteController().stopRoute("careplan-outbox-drain");
    try {
      update(plan, Isps.approvedAndActive(draft, client));
      // Committed with the plan itself: the send survives whatever happens to the service now.
      assertThat(queued(plan)).isEqualTo(2);
      assertThat(sends(COUNTY, COUNTY_PATH, plan)).isEmpty();
    } finally {
      camel.getRouteController().startRoute("careplan-outbox-drain");
    }
    awaitSends(COUNTY, COUNTY_PATH, plan, 1);
    awaitSends(HOSPITAL, HOSPITAL_PATH, plan, 1);
    await("outbox emptied", () -> queued(plan) == 0);
  }

  @Test
  void aRestHookSubscriptionToActivePlansIsNotifiedWhenAPlanIsActivated() {
    COUNTY.stubFor(any(urlPathMatching("/hook/.*")).willReturn(okJson("{}")));
    Subscription subscription = new Subscription();
    subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
    subscription.setReason("Care coordination dashboard: active plans");
    subscription.setCriteria("CarePlan?status=active");
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint(COUNTY.baseUrl() + "/hook").setPayload("application/fhir+json");
    String id = fhir().create().resource(subscription).execute().getId().getIdPart();
    await("subscription active", () -> fhir().read().resource(Subscription.class).withId(id).execute()
        .getStatus() == Subscription.SubscriptionStatus.ACTIVE);

    String client = client();
    // No Subscription is about Patients: HAPI is spared its note of the write (it would be there for 5 s or so).
    assertThat(jdbc.queryForObject("SELECT count(*) FROM hfj_resource_modified WHERE resource_type = 'Patient'",
        Integer.class)).isZero();
    CarePlan draft = Isps.draft(client, List.of(create(Isps.goal(client))));
    String plan = create(draft);
    update(plan, Isps.approvedAndActive(draft, client));

    LoggedRequest notification = await("notification", () -> COUNTY.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlEqualTo("/hook/" + plan)))
        .stream().findFirst().orElse(null));
    assertThat(notification.getMethod().getName()).isEqualTo("PUT");
    CarePlan notified = fhirContext.newJsonParser().parseResource(CarePlan.class, notification.getBodyAsString());
    assertThat(notified.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
  }

  // --- the service and the EHRs

  private static WireMockServer started() {
    WireMockServer server = new WireMockServer(options().dynamicPort());
    server.start();
    // By default an EHR takes what it is sent.
    server.stubFor(post(urlPathMatching("/(county|hospital)/.*")).atPriority(10)
        .willReturn(okJson(TRANSACTION_RESPONSE)));
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  private IGenericClient fhir() {
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = fhirContext.newRestfulGenericClient(baseUrl() + "/fhir");
    client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.admin(baseUrl())));
    return client;
  }

  private RestTemplate admin() {
    RestTemplate template = new RestTemplate();
    template.getInterceptors().add((request, body, execution) -> {
      request.getHeaders().setBearerAuth(Tokens.admin(baseUrl()));
      return execution.execute(request, body);
    });
    return template;
  }

  private String client() {
    return "Patient/" + fhir().create().resource(newClient(uniqueValue())).execute().getId().getIdPart();
  }

  private String medicaidIdOf(String client) {
    return fhir().read().resource(Patient.class).withId(id(client)).execute().getIdentifier().stream()
        .filter(identifier -> MEDICAID.equals(identifier.getSystem())).findFirst().orElseThrow().getValue();
  }

  private String create(org.hl7.fhir.r4.model.Resource resource) {
    return resource.fhirType() + "/" + fhir().create().resource(resource).execute().getId().getIdPart();
  }

  private void update(String reference, CarePlan plan) {
    plan.setId(reference);
    fhir().update().resource(plan).execute();
  }

  private static String id(String reference) {
    return reference.substring(reference.indexOf('/') + 1);
  }

  /** The plan in a sent transaction: the last entry, after its goals. */
  private static CarePlan planIn(Bundle sent) {
    return (CarePlan) sent.getEntry().get(sent.getEntry().size() - 1).getResource();
  }

  private static String planUrl(String plan) {
    return "CarePlan?identifier=" + SYSTEM + "|" + id(plan) + "\"";
  }

  private int queued(String plan) {
    return jdbc.queryForObject("SELECT count(*) FROM cm_careplan_outbox WHERE careplan_id = ?", Integer.class,
        id(plan));
  }

  /** The transactions an EHR received for the plan, in order. */
  private List<Bundle> sends(WireMockServer ehr, String path, String plan) {
    return ehr.findAll(postRequestedFor(urlEqualTo(path)).withRequestBody(containing(planUrl(plan)))).stream()
        .map(request -> fhirContext.newJsonParser().parseResource(Bundle.class, request.getBodyAsString()))
        .toList();
  }

  private List<Bundle> awaitSends(WireMockServer ehr, String path, String plan, int count) {
    return await(count + " sends of " + plan, () -> {
      List<Bundle> sent = sends(ehr, path, plan);
      return sent.size() >= count ? sent : null;
    });
  }

  private List<Map<String, Object>> deadLettersOf(String plan) {
    List<Map<String, Object>> letters = admin().exchange(baseUrl()
            + "/admin/dead-letters?feed=careplan-exchange&status=ALL&limit=1000",
        org.springframework.http.HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    return letters.stream().filter(letter -> ((String) letter.get("source")).contains(plan + "/")).toList();
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    await(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }

  /** Polls until the supplier gives a value, against a deadline (no fixed sleeps). */
  private static <T> T await(String what, Supplier<T> condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T value = condition.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Not within 60 s: " + what);
  }
}
