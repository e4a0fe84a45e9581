package org.casemgmt.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.GuideExamples;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, end to end with real tokens from the embedded issuer: caller (scopes and role) x resource type x
 * interaction -> status, the leak paths (includes, $everything, history, transactions) and the admin endpoints.
 * {A} is a client on the test case manager's caseload, {B} one on nobody's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirAccessTest extends FhirServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, String> tokens = new HashMap<>();
  @org.springframework.beans.factory.annotation.Autowired
  private ReleaseControl release;

  @BeforeAll
  void records() {
    SecurityFixture fixture = new SecurityFixture(fhir());
    ids.put("A", fixture.clientOnCaseload());
    ids.put("B", fixture.client());
    ids.put("labA", fixture.observation(ids.get("A"), "laboratory"));
    ids.put("vitalA", fixture.observation(ids.get("A"), "vital-signs"));
    ids.put("labB", fixture.observation(ids.get("B"), "laboratory"));
    ids.put("coverageA", fixture.coverage(ids.get("A"), java.time.LocalDate.now().plusMonths(6)));
    for (String client : List.of("test-admin", "test-supervisor", "test-supervisor-v1", "test-feed", "test-partner",
        "test-state", "test-privacy", "test-lab-reader")) {
      tokens.put(client, Tokens.client(baseUrl(), client));
    }
    tokens.put("case-manager", Tokens.user(baseUrl(), "test-workspace", "http://127.0.0.1/callback", "test-cm",
        "test-cm-password", "openid user/*.cruds"));
    tokens.put("anonymous", null);
  }

  private static final String VALIDATE_CODE = "/fhir/ValueSet/$validate-code?url=https://fhir.casemgmt-adapter.org"
      + "/ValueSet/determination-outcome&system=https://fhir.casemgmt-adapter.org/CodeSystem/determination-outcome"
      + "&code=eligible";

  /** caller, method, path ({A}, {B}, {labA}... are the fixture's records), body, expected status. */
  Stream<Object[]> requests() {
    return Stream.of(
        new Object[] {"anonymous", "GET", "/fhir/Patient", null, 401},
        new Object[] {"anonymous", "GET", "/fhir/{A}", null, 401},
        new Object[] {"anonymous", "GET", "/fhir/metadata", null, 200},
        new Object[] {"anonymous", "GET", "/.well-known/smart-configuration", null, 200},
        new Object[] {"anonymous", "GET", "/actuator/health/readiness", null, 200},
        // the login form's style sheet
        new Object[] {"anonymous", "GET", "/default-ui.css", null, 200},
        new Object[] {"anonymous", "GET", "/actuator/health", null, 401},
        new Object[] {"anonymous", "GET", "/admin/dead-letters", null, 401},
        new Object[] {"anonymous", "POST", "/fhir/Patient", patient(), 401},
        new Object[] {"test-supervisor", "GET", "/admin/dead-letters", null, 403},
        new Object[] {"test-admin", "GET", "/admin/dead-letters", null, 200},
        new Object[] {"case-manager", "GET", "/admin/claims/files", null, 403},
        // the supervisor reaches every client of the agency
        new Object[] {"test-supervisor", "GET", "/fhir/{A}", null, 200},
        new Object[] {"test-supervisor", "GET", "/fhir/{B}", null, 200},
        new Object[] {"test-supervisor", "POST", "/fhir/Observation", observation("{B}"), 201},
        // v1 scopes: .read is read and search, nothing else
        new Object[] {"test-supervisor-v1", "GET", "/fhir/{labB}", null, 200},
        new Object[] {"test-supervisor-v1", "POST", "/fhir/Observation", observation("{B}"), 403},
        // the case manager reaches the caseload only
        new Object[] {"case-manager", "GET", "/fhir/{A}", null, 200},
        new Object[] {"case-manager", "GET", "/fhir/{labA}", null, 200},
        // Its payor is the agency, an Organization in a compartment parameter: no client outside the caseload.
        new Object[] {"case-manager", "GET", "/fhir/{coverageA}", null, 200},
        new Object[] {"case-manager", "GET", "/fhir/{B}", null, 404},
        new Object[] {"case-manager", "GET", "/fhir/{labB}", null, 404},
        new Object[] {"case-manager", "POST", "/fhir/Observation", observation("{A}"), 201},
        new Object[] {"case-manager", "POST", "/fhir/Observation", observation("{B}"), 403},
        new Object[] {"case-manager", "DELETE", "/fhir/{labB}", null, 403},
        new Object[] {"case-manager", "POST", "/fhir", transaction("{A}", "{B}"), 403},
        // caseloads are kept by the service: readable as their members are, written by no caller
        new Object[] {"case-manager", "GET", "/fhir/Group/caseload-test-cm", null, 200},
        new Object[] {"test-admin", "PUT", "/fhir/Group/caseload-test-cm", caseload("{B}"), 403},
        new Object[] {"test-admin", "DELETE", "/fhir/Group/caseload-test-cm", null, 403},
        // feeds write the record's evidence, not the workflow's plans
        new Object[] {"test-feed", "POST", "/fhir/Observation", observation("{B}"), 201},
        new Object[] {"test-feed", "GET", "/fhir/CarePlan?subject={A}", null, 403},
        // state reporting: exports only
        new Object[] {"test-state", "GET", "/fhir/{A}", null, 403},
        new Object[] {"test-state", "GET", "/fhir/Observation?subject={A}", null, 403},
        // partner EHRs reach the clients they sent or were sent plans for
        new Object[] {"test-partner", "GET", "/fhir/{A}", null, 404},
        new Object[] {"test-partner", "POST", "/fhir/Observation", observation("{A}"), 403},
        // the audit trail: read by roles and scopes that name it, written by the service only
        new Object[] {"test-privacy", "GET", "/fhir/AuditEvent?_count=1", null, 200},
        new Object[] {"test-supervisor", "GET", "/fhir/AuditEvent", null, 403},
        new Object[] {"test-admin", "POST", "/fhir/AuditEvent", auditEvent(), 403},
        // the guide's terminology: roles that name the operation
        new Object[] {"anonymous", "GET", VALIDATE_CODE, null, 401},
        new Object[] {"case-manager", "GET", VALIDATE_CODE, null, 200},
        new Object[] {"test-state", "GET", VALIDATE_CODE, null, 403},
        // HAPI's own administrative operations and Subscriptions: administrators only
        new Object[] {"test-supervisor", "POST", "/fhir/{labB}/$meta-delete", metaDelete(), 403},
        new Object[] {"test-supervisor", "POST", "/fhir/Subscription", subscription("http://127.0.0.1:9/hook"), 403},
        new Object[] {"test-admin", "POST", "/fhir/Subscription", subscription("https://elsewhere.example/hook"), 403},
        new Object[] {"test-admin", "POST", "/fhir/Subscription", subscription("http://127.0.0.1:9/hook"), 201},
        // criteria that would tell what is withheld: reverse chains, chains into clinical records
        new Object[] {"test-supervisor", "GET", "/fhir/Patient?_has:Condition:subject:code=F11.20", null, 403},
        new Object[] {"test-supervisor", "GET", "/fhir/Encounter?patient:Patient._has:Condition:subject:code=F11.20",
            null, 403},
        new Object[] {"test-supervisor", "GET", "/fhir/Encounter?diagnosis.code=F11.20", null, 403},
        new Object[] {"test-supervisor", "GET", "/fhir/Observation?subject:Patient.identifier=x%7Cy", null, 200},
        // a count would count what is withheld: HAPI's consent hooks refuse it
        new Object[] {"test-supervisor", "GET", "/fhir/Observation?_summary=count", null, 400},
        // granular scopes: the lab reader gets laboratory observations only
        new Object[] {"test-lab-reader", "GET", "/fhir/{labA}", null, 200},
        new Object[] {"test-lab-reader", "GET", "/fhir/{vitalA}", null, 404},
        new Object[] {"test-lab-reader", "GET", "/fhir/{A}", null, 403});
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("requests")
  void eachCallerGetsWhatItsScopesAndRoleAllow(String caller, String method, String path, String body, int status)
      throws Exception {
    HttpResponse<String> response = send(caller, method, path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  @Test
  void aCaseManagersSearchesIncludesHistoryAndEverythingStayOnTheCaseload() throws Exception {
    String a = ids.get("A");
    String b = ids.get("B");
    Bundle observations = bundle("case-manager", "/fhir/Observation?_include=Observation:subject&_count=200");
    assertThat(about(observations)).contains(a).doesNotContain(b);

    Bundle revincluded = bundle("case-manager", "/fhir/Patient?_revinclude=*&_count=200");
    assertThat(about(revincluded)).contains(a).doesNotContain(b);

    Bundle everything = bundle("case-manager", "/fhir/" + b + "/$everything");
    assertThat(about(everything)).doesNotContain(b);

    Bundle history = bundle("case-manager", "/fhir/_history?_count=200");
    assertThat(about(history)).doesNotContain(b);

    Bundle ownEverything = bundle("case-manager", "/fhir/" + a + "/$everything");
    assertThat(ownEverything.getEntry()).extracting(entry -> entry.getResource().getIdElement()
        .toUnqualifiedVersionless().getValue()).contains(ids.get("labA"), a);
  }

  /**
   * Narrowed in SQL, not cut as results leave: the newest records are someone else's, yet a page of two is two of
   * the caseload's, and nothing had to be withheld.
   */
  @Test
  void aCaseManagersSearchIsNarrowedToTheCaseloadBeforePaging() throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    for (int i = 0; i < 3; i++) {
      fixture.observation(ids.get("B"), "laboratory");
    }
    Bundle page = bundle("case-manager", "/fhir/Observation?_sort=-_lastUpdated&_count=2");
    assertThat(page.getEntry()).filteredOn(entry -> entry.getResource() instanceof org.hl7.fhir.r4.model.Observation)
        .hasSize(2);
    assertThat(about(page)).containsOnly(ids.get("A"));
    assertThat(warnings(page)).noneMatch(text -> text.contains("withheld"));
    List<String> caseload = members(bundle("case-manager", "/fhir/Group?_id=caseload-test-cm"));
    assertThat(about(bundle("case-manager", "/fhir/Patient?_sort=-_lastUpdated&_count=1"))).hasSize(1)
        .allMatch(caseload::contains);
  }

  /**
   * Group membership is the one reverse chain open to callers: a supervisor asks for a case manager's caseload's
   * records in one search, and gets those and no other client's.
   */
  @Test
  void recordsOfAGroupsMembersAreFoundInOneSearch() throws Exception {
    List<String> caseload = members(bundle("test-supervisor", "/fhir/Group?_id=caseload-test-cm"));
    Bundle labs = bundle("test-supervisor",
        "/fhir/Observation?category=laboratory&patient:Patient._has:Group:member:_id=caseload-test-cm&_count=500");
    assertThat(about(labs)).contains(ids.get("A")).doesNotContain(ids.get("B")).allMatch(caseload::contains);
    Bundle clients = bundle("test-supervisor", "/fhir/Patient?_has:Group:member:_id=caseload-test-cm&_count=500");
    assertThat(about(clients)).containsExactlyInAnyOrderElementsOf(caseload);
  }

  /** The caseload Group follows the CareTeams: a client joins with an active team and leaves when it ends. */
  @Test
  void aCaseloadFollowsTheCareTeams() throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.clientOnCaseload();
    assertThat(members(bundle("case-manager", "/fhir/Group?_id=caseload-test-cm"))).contains(ids.get("A"), client);

    org.hl7.fhir.r4.model.CareTeam team = (org.hl7.fhir.r4.model.CareTeam) fhir().search()
        .forResource(org.hl7.fhir.r4.model.CareTeam.class).where(new ca.uhn.fhir.rest.gclient.ReferenceClientParam(
            "subject").hasId(client)).returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
    fhir().update().resource(team.setStatus(org.hl7.fhir.r4.model.CareTeam.CareTeamStatus.INACTIVE)).execute();

    assertThat(members(bundle("test-supervisor", "/fhir/Group?_id=caseload-test-cm")))
        .contains(ids.get("A")).doesNotContain(client);
    assertThat(send("case-manager", "GET", "/fhir/" + client, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aBatchReadsOnlyWhatTheCallerMaySee() throws Exception {
    String batch = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":["
        + "{\"request\":{\"method\":\"GET\",\"url\":\"" + ids.get("A") + "\"}},"
        + "{\"request\":{\"method\":\"GET\",\"url\":\"" + ids.get("B") + "\"}},"
        + "{\"request\":{\"method\":\"GET\",\"url\":\"Observation?subject=" + ids.get("B") + "\"}}]}";
    HttpResponse<String> response = send("case-manager", "POST", "/fhir", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Bundle answer = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
    List<String> returned = answer.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(java.util.Objects::nonNull)
        .flatMap(resource -> resource instanceof Bundle page
            ? page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource) : Stream.of(resource))
        .map(resource -> resource.getIdElement().toUnqualifiedVersionless().getValue()).toList();
    assertThat(returned).as(response.body()).contains(ids.get("A")).doesNotContain(ids.get("B"), ids.get("labB"));
  }

  @Test
  void aGranularScopeReleasesOnlyTheResourcesItsSearchMatches() throws Exception {
    Bundle found = bundle("test-lab-reader", "/fhir/Observation?subject=" + ids.get("A"));
    assertThat(found.getEntry()).extracting(entry -> entry.getResource().getIdElement()
        .toUnqualifiedVersionless().getValue()).contains(ids.get("labA")).doesNotContain(ids.get("vitalA"));
  }

  /**
   * A search is cut as each page is shown, not before paging: every page, the later ones fetched by their next link
   * too, leaves out what the scope does not match and says so; pages may come back short; no total is sent.
   */
  @Test
  void aSearchIsCutPageByPageAndItsLaterPagesToo() throws Exception {
    pagedByTheLabReader(5, 2, 3);
  }

  /**
   * Past its first 13 matches HAPI goes on fetching a search's matches to answer a later page; what that page shows is
   * still cut as it is shown.
   */
  @Test
  void aSearchHapiGoesOnFetchingForALaterPageIsCutToo() throws Exception {
    pagedByTheLabReader(17, 5, 4);
  }

  /**
   * Observations of one client, every other one a laboratory result (which the lab reader's scope releases), read
   * page by page; every page withholds at least one vital sign and says so.
   */
  private void pagedByTheLabReader(int observations, int pageSize, int expectedPages) throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.client();
    List<String> labs = new java.util.ArrayList<>();
    for (int i = 0; i < observations; i++) {
      String id = fixture.observation(client, i % 2 == 0 ? "vital-signs" : "laboratory");
      if (i % 2 == 1) {
        labs.add(id);
      }
    }
    List<String> released = new java.util.ArrayList<>();
    List<String> pageWarnings = new java.util.ArrayList<>();
    String path = "/fhir/Observation?subject=" + client + "&_sort=_lastUpdated&_count=" + pageSize;
    int pages = 0;
    while (path != null) {
      Bundle page = bundle("test-lab-reader", path);
      pages++;
      assertThat(page.hasTotal()).isFalse();
      List<String> shown = page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(org.hl7.fhir.r4.model.Observation.class::isInstance)
          .map(resource -> resource.getIdElement().toUnqualifiedVersionless().getValue()).toList();
      assertThat(shown).hasSizeLessThanOrEqualTo((pageSize + 1) / 2);
      released.addAll(shown);
      pageWarnings.addAll(warnings(page));
      path = next(page);
    }
    assertThat(pages).isEqualTo(expectedPages);
    assertThat(released).containsExactlyElementsOf(labs);
    assertThat(pageWarnings).filteredOn(text -> text.contains("resource(s) withheld")).hasSize(expectedPages);
  }

  /**
   * Whether resources are checked before paging, on a request for a later page: not for a search's (they are checked
   * as shown, above; checking them before too would load every match HAPI fetches to answer it), but for a
   * history's, which HAPI cannot show with holes.
   */
  @Test
  void aLaterPageOfASearchIsNotCheckedBeforePagingButOneOfAHistoryIs() throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.client();
    fixture.observation(client, "laboratory");
    fixture.observation(client, "laboratory");
    String search = next(bundle("test-admin", "/fhir/Observation?subject=" + client + "&_count=1"));
    String history = next(bundle("test-admin", "/fhir/Observation/_history?_count=1"));
    assertThat(release.shouldProcessCanSeeResource(pageRequest(search), null)).isFalse();
    assertThat(release.shouldProcessCanSeeResource(pageRequest(history), null)).isTrue();
    assertThat(release.shouldProcessCanSeeResource(pageRequest("/fhir?_getpages=no-such-search"), null)).isTrue();
  }

  /** A request for the page a next link names, as HAPI hands it to the consent service. */
  private static ca.uhn.fhir.rest.api.server.RequestDetails pageRequest(String nextLink) {
    ca.uhn.fhir.rest.api.server.SystemRequestDetails request = new ca.uhn.fhir.rest.api.server.SystemRequestDetails();
    request.setRestOperationType(ca.uhn.fhir.rest.api.RestOperationTypeEnum.GET_PAGE);
    String paged = nextLink.replaceFirst(".*[?&]_getpages=([^&]+).*", "$1");
    request.setParameters(Map.of("_getpages", new String[] {paged}));
    return request;
  }

  /** The path of a page's next link, or null on the last page. */
  private static String next(Bundle page) {
    return page.getLink(Bundle.LINK_NEXT) == null ? null
        : page.getLink(Bundle.LINK_NEXT).getUrl().replaceFirst("^https?://[^/]+", "");
  }

  @Test
  void aTokenCannotAskForScopesItsClientWasNotGiven() {
    HttpResponse<String> refused = Tokens.request(baseUrl(), "test-state", "test-state-secret", "system/*.cruds");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("invalid_scope");
    assertThat(Tokens.request(baseUrl(), "test-state", "wrong-secret", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aPartnerReachesTheClientsItSentData() throws Exception {
    HttpResponse<String> created = send("test-partner", "POST", "/fhir/Patient", patient());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String client = created.headers().firstValue("Location").orElseThrow()
        .replaceFirst(".*/fhir/", "").replaceFirst("/_history/.*", "");
    assertThat(send("test-partner", "GET", "/fhir/" + client, null).statusCode()).isEqualTo(200);
    assertThat(send("test-partner", "POST", "/fhir/Observation", observation(client)).statusCode())
        .isEqualTo(201);
  }

  @Test
  void smartDiscoveryAndTheCapabilityStatementNameTheTokenEndpoint() throws Exception {
    String discovery = send("anonymous", "GET", "/.well-known/smart-configuration", null).body();
    assertThat(discovery).contains("\"token_endpoint\":\"" + baseUrl() + "/oauth2/token\"")
        .contains("permission-v2").contains("client_credentials");
    String capabilities = send("anonymous", "GET", "/fhir/metadata", null).body();
    assertThat(capabilities).contains("SMART-on-FHIR").contains("oauth-uris")
        .contains("\"valueUri\":\"" + baseUrl() + "/oauth2/token\"");
  }

  private Bundle bundle(String caller, String path) throws Exception {
    HttpResponse<String> response = send(caller, "GET", path, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
  }

  /** The clients the resources of a bundle are about (the Patients themselves and their subjects). */
  private List<String> about(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(resource -> !(resource instanceof OperationOutcome))
        .flatMap(resource -> subjects(resource).stream()).toList();
  }

  private static List<String> subjects(Resource resource) {
    if ("Patient".equals(resource.fhirType())) {
      return List.of(resource.getIdElement().toUnqualifiedVersionless().getValue());
    }
    return resource.getNamedProperty("subject") == null ? List.of()
        : resource.getNamedProperty("subject").getValues().stream()
            .map(value -> ((org.hl7.fhir.r4.model.Reference) value).getReference()).toList();
  }

  private static List<String> members(Bundle groups) {
    return groups.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(org.hl7.fhir.r4.model.Group.class::isInstance).map(org.hl7.fhir.r4.model.Group.class::cast)
        .flatMap(group -> group.getMember().stream()).map(member -> member.getEntity().getReference()).toList();
  }

  private static List<String> warnings(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast)
        .flatMap(outcome -> outcome.getIssue().stream()).map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
        .toList();
  }

  private HttpResponse<String> send(String caller, String method, String path, String body) throws Exception {
    String resolved = resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + resolved))
        .header("Accept", resolved.startsWith("/fhir") ? "application/fhir+json" : "application/json");
    if (tokens.get(caller) != null) {
      request.header("Authorization", "Bearer " + tokens.get(caller));
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(resolve(body)));
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String resolve(String text) {
    String resolved = text;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
    }
    return resolved;
  }

  /** A new client as the guide's example, under a member id of its own. */
  private static String patient() {
    return ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(
        GuideExamples.newClient(GuideExamples.uniqueValue()));
  }

  private static String observation(String client) {
    return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
        + "\"http://loinc.org\",\"code\":\"8867-4\"}]},\"subject\":{\"reference\":\"" + client + "\"}}";
  }

  private static String transaction(String allowed, String refused) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
        + "{\"resource\":" + observation(allowed) + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}},"
        + "{\"resource\":" + observation(refused) + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}";
  }

  private static String caseload(String client) {
    return "{\"resourceType\":\"Group\",\"id\":\"caseload-test-cm\",\"type\":\"person\",\"actual\":true,"
        + "\"member\":[{\"entity\":{\"reference\":\"" + client + "\"}}]}";
  }

  private static String auditEvent() {
    return "{\"resourceType\":\"AuditEvent\",\"type\":{\"code\":\"rest\"},\"recorded\":\"2026-01-01T00:00:00Z\","
        + "\"agent\":[{\"requestor\":true}],\"source\":{\"observer\":{\"display\":\"forged\"}}}";
  }

  private static String metaDelete() {
    return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"meta\",\"valueMeta\":{\"security\":[{"
        + "\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"42CFRPart2\"}]}}]}";
  }

  private static String subscription(String endpoint) {
    // "off": a subscription the test makes is never delivered to.
    return "{\"resourceType\":\"Subscription\",\"status\":\"off\",\"reason\":\"test\","
        + "\"criteria\":\"Observation?status=final\",\"channel\":{\"type\":\"rest-hook\",\"endpoint\":\"" + endpoint + "\","
        + "\"payload\":\"application/fhir+json\"}}";
  }
}
