package org.casemgmt.adapter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casemgmt.adapter.security.SecurityFixture;
import org.casemgmt.adapter.testing.Await;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FHIR Bulk Data export through its public interface (kick-off, polling, manifest, files), checked record by record
 * against the store: what leaves is what the caller's searches would return, cut by Part 2 consent, narrowed to a
 * Group's members and by {@code _typeFilter}, in files no bigger than the configured size.
 */
class BulkExportTest extends FhirServerTest {
  private static final String STATE = "test-state";
  private static final String PART2 = "42CFRPart2";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  private DaoRegistry daos;

  @Test
  void aSystemExportCarriesEveryRecordOfTheWindowButPart2OnesWithoutConsent() throws Exception {
    Instant since = Instant.now();
    SecurityFixture fixture = new SecurityFixture(fhir());
    for (int i = 0; i < 6; i++) {
      String client = fixture.client();
      fixture.diagnosis(client, "F20.9");
      if (i % 3 == 0) {
        fixture.diagnosis(client, "F11.20");
      }
    }

    JsonNode manifest = export(STATE, "/fhir/$export?_type=Patient,Condition&_since=" + since);

    List<Resource> patients = resources(STATE, manifest, "Patient");
    List<Resource> conditions = resources(STATE, manifest, "Condition");
    Instant transactionTime = Instant.parse(manifest.get("transactionTime").asText());
    List<IBaseResource> storedConditions = stored("Condition", since, transactionTime);
    List<String> labelled = storedConditions.stream().filter(BulkExportTest::part2).map(BulkExportTest::id).toList();
    assertThat(ids(patients)).containsExactlyInAnyOrderElementsOf(
        stored("Patient", since, transactionTime).stream().map(BulkExportTest::id).toList());
    assertThat(ids(conditions)).containsExactlyInAnyOrderElementsOf(
        storedConditions.stream().filter(c -> !part2(c)).map(BulkExportTest::id).toList());
    assertThat(labelled).hasSizeGreaterThanOrEqualTo(2);
    assertThat(diagnostics(STATE, manifest)).contains(labelled.size() + " Condition resource(s) withheld: outside the"
        + " token's scopes, the caller's clients, or Part 2 records without a consent for this recipient and purpose");
    // Files are closed at their size: the clients' records spread over several, none far beyond the bound.
    assertThat(manifest.get("output")).hasSizeGreaterThan(2);
    for (JsonNode file : manifest.get("output")) {
      String body = get(STATE, file.get("url").asText()).body();
      assertThat(body.lines().count()).isEqualTo(file.get("count").asLong());
      assertThat(body.lines().count() == 1 || body.getBytes(StandardCharsets.UTF_8).length <= EXPORT_MAX_FILE_BYTES)
          .as("file of %s lines, %s bytes", body.lines().count(), body.length()).isTrue();
    }
    assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
  }

  @Test
  void aGroupExportCarriesOnlyItsMembersRecordsThroughTheirTypeFilters() throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String member = fixture.clientOnCaseload();
    String psychosis = fixture.diagnosis(member, "F20.9");
    String depression = fixture.diagnosis(member, "F32.9");
    String otherMember = fixture.clientOnCaseload();
    String otherPsychosis = fixture.diagnosis(otherMember, "F20.9");
    String outsider = fixture.client();
    String outsiderPsychosis = fixture.diagnosis(outsider, "F20.9");
    Group caseload = fhir().read().resource(Group.class).withId("caseload-test-cm").execute();
    Set<String> members = caseload.getMember().stream().map(m -> m.getEntity().getReference())
        .collect(Collectors.toSet());

    JsonNode manifest = export(STATE, "/fhir/Group/caseload-test-cm/$export?_type=Patient,Condition&_typeFilter="
        + encode("Condition?code=F20.9,Patient?_id=" + member.substring(8) + "," + otherMember.substring(8)));

    assertThat(ids(resources(STATE, manifest, "Patient"))).containsExactlyInAnyOrder(member, otherMember);
    List<Resource> conditions = resources(STATE, manifest, "Condition");
    assertThat(ids(conditions)).contains(psychosis, otherPsychosis).doesNotContain(depression, outsiderPsychosis);
    assertThat(conditions).allSatisfy(condition -> {
      assertThat(members).contains(((Condition) condition).getSubject().getReference());
      assertThat(((Condition) condition).getCode().getCodingFirstRep().getCode()).isEqualTo("F20.9");
    });
    assertThat(outsider).isNotIn(members);
  }

  @Test
  void part2RecordsLeaveUnderTheClientsConsentWithTheRedisclosureNotice() throws Exception {
    SecurityFixture fixture = new SecurityFixture(fhir());
    String client = fixture.client();
    String opioids = fixture.diagnosis(client, "F11.20");
    String filter = "&_typeFilter=" + encode("Condition?subject=" + client);

    JsonNode withoutConsent = export(STATE, "/fhir/Patient/$export?_type=Condition" + filter);
    assertThat(resources(STATE, withoutConsent, "Condition")).isEmpty();
    assertThat(diagnostics(STATE, withoutConsent)).anyMatch(text -> text.startsWith("1 Condition resource(s) withheld"));

    Organization state = new Organization().setName("State behavioral health authority");
    state.setId("Organization/test-state");
    fhir().update().resource(state).execute();
    fixture.part2Consent(client, "Organization/test-state", "HOPERAT");
    JsonNode withConsent = export(STATE, "/fhir/Patient/$export?_type=Condition" + filter);
    List<Resource> released = resources(STATE, withConsent, "Condition");
    assertThat(ids(released)).containsExactly(opioids);
    assertThat(released.get(0).getMeta().getSecurity()).extracting(Coding::getCode).contains(PART2, "NORDSCLCD");
    assertThat(diagnostics(STATE, withConsent)).anyMatch(text -> text.startsWith("42 CFR part 2 prohibits"));
  }

  @Test
  void anExportIsItsCallersAloneAndGoesWithItsFilesWhenDeleted() throws Exception {
    String client = new SecurityFixture(fhir()).client();
    String status = kickOff(STATE, "/fhir/$export?_type=Patient&_typeFilter=" + encode("Patient?_id="
        + client.substring(8)));
    JsonNode manifest = awaitManifest(STATE, status);
    String file = manifest.get("output").get(0).get("url").asText();

    assertThat(get("test-admin", status).statusCode()).isEqualTo(404);
    assertThat(get("test-admin", file).statusCode()).isEqualTo(404);
    assertThat(get(null, file).statusCode()).isEqualTo(401);
    assertThat(get(STATE, file).body()).contains("\"id\":\"" + client.substring(8) + "\"");

    HttpResponse<String> deleted = send(STATE, "DELETE", status);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
    assertThat(get(STATE, status).statusCode()).isEqualTo(404);
    assertThat(get(STATE, file).statusCode()).isEqualTo(404);
    String jobId = status.substring(status.indexOf("_jobId=") + 7);
    assertThat(Files.exists(EXPORT_DIRECTORY.resolve(jobId))).isFalse();
  }

  @Test
  void noCallerWritesAProgramsGroup() throws Exception {
    Group program = new Group().setType(Group.GroupType.PERSON).setActual(true);
    program.setId("Group/" + ProgramGroups.groupId("smi-target-population"));
    program.getMeta().addTag(ProgramGroups.TAG.copy());
    String body = fhirContext.newJsonParser().encodeResourceToString(program);
    HttpRequest put = HttpRequest.newBuilder(URI.create(fhirBase() + "/" + program.getIdElement().getValue()))
        .header("Authorization", "Bearer " + Tokens.admin(baseUrl())).header("Content-Type", "application/fhir+json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build();

    HttpResponse<String> refused = http.send(put, HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Caseload and program Groups are kept by the service");
  }

  @Test
  void kickOffAndDownloadsAreInTheAuditTrail() throws Exception {
    String client = new SecurityFixture(fhir()).client();
    String marker = client.substring(8);
    JsonNode manifest = export(STATE, "/fhir/$export?_type=Patient&_typeFilter=" + encode("Patient?_id=" + marker));
    get(STATE, manifest.get("output").get(0).get("url").asText());

    Await.until("the export's kick-off, polls and download in the audit trail", Duration.ofSeconds(60), () -> {
      List<String> queries = auditedQueries();
      return queries.stream().anyMatch(q -> q.contains("$export?") && q.contains(marker))
          && queries.stream().anyMatch(q -> q.contains("$export-file"));
    });
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      test-state      | /fhir/$export?_outputFormat=text/csv                       | 400 | _outputFormat text/csv is not supported
      test-state      | /fhir/$export?_type=Nonsense                               | 400 | Nonsense, which is not a resource type
      test-state      | /fhir/$export?_type=Condition&_typeFilter=Condition%3Fnonsense%3D1 | 400 | is not a search this server can run
      test-state      | /fhir/$export?_type=Patient&_typeFilter=Patient%3F_has%3ACondition%3Asubject%3Acode%3DF11.20 | 403 | Reverse chaining
      test-state      | /fhir/$export?_type=Condition&_typeFilter=Condition%3F_lastUpdated%3Dgt2020-01-01 | 400 | the window is _since and _until
      test-state      | /fhir/$export?_type=Condition&_typeFilter=Patient%3Fgender%3Dmale | 400 | Patient, which this export does not carry
      test-state      | /fhir/$export?organizeOutputBy=Patient                     | 400 | organizeOutputBy is not supported
      test-state      | /fhir/Patient/$export?_type=Practitioner                   | 400 | whose records do not name a client
      test-state      | /fhir/Group/no-such-group/$export                          | 404 | Group/no-such-group is not known
      test-state      | /fhir/$export?_type=AuditEvent                             | 403 | do not allow exporting AuditEvent
      test-feed       | /fhir/$export                                              | 403 | may not invoke $export
      test-supervisor | /fhir/$export                                              | 403 | may not invoke $export
      """)
  void aKickOffThatCannotBeServedIsRefusedWithItsReason(String caller, String path, int status, String reason)
      throws Exception {
    HttpResponse<String> response = send(caller, "GET", fhirBase() + path.substring(5));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains(reason);
  }

  @Test
  void aKickOffWithoutPreferRespondAsyncIsRefused() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBase() + "/$export"))
        .header("Authorization", "Bearer " + Tokens.client(baseUrl(), STATE)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Prefer: respond-async");
  }

  private JsonNode export(String caller, String path) throws Exception {
    return awaitManifest(caller, kickOff(caller, path));
  }

  private String kickOff(String caller, String path) throws Exception {
    HttpResponse<String> response = send(caller, "GET", baseUrl() + path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response.headers().firstValue("Content-Location").orElseThrow();
  }

  private JsonNode awaitManifest(String caller, String status) throws Exception {
    AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
    Await.until("the export at " + status, Duration.ofSeconds(120), () -> {
      last.set(get(caller, status));
      assertThat(last.get().statusCode()).as(last.get().body()).isIn(200, 202);
      return last.get().statusCode() == 200;
    });
    return json.readTree(last.get().body());
  }

  private List<Resource> resources(String caller, JsonNode manifest, String type) {
    return files(caller, manifest.get("output"), type);
  }

  private List<String> diagnostics(String caller, JsonNode manifest) {
    return files(caller, manifest.get("error"), "OperationOutcome").stream()
        .flatMap(outcome -> ((OperationOutcome) outcome).getIssue().stream())
        .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList();
  }

  private List<Resource> files(String caller, JsonNode items, String type) {
    List<Resource> found = new ArrayList<>();
    for (JsonNode item : items) {
      if (item.get("type").asText().equals(type)) {
        HttpResponse<String> file = get(caller, item.get("url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(
            value -> assertThat(value).startsWith("application/fhir+ndjson"));
        file.body().lines().map(line -> (Resource) fhirContext.newJsonParser().parseResource(line))
            .peek(resource -> assertThat(resource.fhirType()).isEqualTo(type)).forEach(found::add);
      }
    }
    return found;
  }

  /** What the store holds of a type, updated within the window, read past every access rule. */
  private List<IBaseResource> stored(String type, Instant since, Instant until) {
    SearchParameterMap query = SearchParameterMap.newSynchronous();
    query.setLastUpdated(new DateRangeParam(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, since.toString()),
        new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, until.toString())));
    return daos.getResourceDao(type).searchForResources(query, new SystemRequestDetails());
  }

  private List<String> auditedQueries() {
    Bundle events = fhirAs(Tokens.client(baseUrl(), "test-privacy")).search()
        .byUrl("AuditEvent?subtype=operation&_sort=-date&_count=100").returnBundle(Bundle.class).execute();
    return events.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(AuditEvent.class::isInstance).map(AuditEvent.class::cast)
        .flatMap(event -> event.getEntity().stream()).filter(entity -> entity.hasQuery())
        .map(entity -> new String(entity.getQuery(), StandardCharsets.UTF_8)).toList();
  }

  private HttpResponse<String> get(String caller, String url) {
    try {
      return send(caller, "GET", url);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(String caller, String method, String url) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Prefer", "respond-async")
        .header("Accept", "application/fhir+json").method(method, HttpRequest.BodyPublishers.noBody());
    if (caller != null) {
      request.header("Authorization", "Bearer " + Tokens.client(baseUrl(), caller));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean part2(IBaseResource resource) {
    return resource.getMeta().getSecurity().stream().anyMatch(label -> PART2.equals(label.getCode()));
  }

  private static String id(IBaseResource resource) {
    return resource.getIdElement().toUnqualifiedVersionless().getValue();
  }

  private static List<String> ids(List<Resource> resources) {
    return resources.stream().map(BulkExportTest::id).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
