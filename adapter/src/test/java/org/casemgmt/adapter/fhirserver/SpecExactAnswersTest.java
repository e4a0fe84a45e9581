package org.casemgmt.adapter.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The status codes and headers the FHIR R4 RESTful API specification names, as an EHR's client library expects them. */
@ExtendWith(OutputCaptureExtension.class)
class SpecExactAnswersTest extends FhirServerTest {
  private static final String SYSTEM = "urn:oid:2.16.840.1.113883.19.5.99";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aStaleIfMatchIs412PreconditionFailed() throws Exception {
    HttpResponse<String> created = send("POST", "/Observation", observation(null, "first"));
    String id = location(created).replaceFirst(".*/fhir/", "").replaceFirst("/_history/.*", "");

    HttpResponse<String> stale = send(request("PUT", "/" + id, observation(id, "second"))
        .header("If-Match", "W/\"7\""));
    HttpResponse<String> current = send(request("PUT", "/" + id, observation(id, "third"))
        .header("If-Match", "W/\"1\""));

    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
    assertThat(operationOutcome(stale).getIssueFirstRep().getDiagnostics()).contains("version");
    assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
  }

  @Test
  void everyCreateAnswers201WithALocationConditionalUpdatesIncluded() throws Exception {
    String value = UUID.randomUUID().toString();
    HttpResponse<String> created = send("PUT", "/Observation?identifier=" + encode(SYSTEM + "|" + value),
        observationWithIdentifier(value));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(location(created)).matches(".*/fhir/Observation/[^/]+/_history/1");
    assertThat(location(send("POST", "/Observation", observation(null, "posted")))).contains("/Observation/");
  }

  /** The same search before and after a write: the second sees the write (no reuse of the first's results). */
  @Test
  void aSearchAfterAWriteSeesIt() throws Exception {
    String value = UUID.randomUUID().toString();
    String search = "/Observation?identifier=" + encode(SYSTEM + "|" + value);
    assertThat(fhirContext.newJsonParser().parseResource(Bundle.class, send("GET", search, null).body()).getEntry())
        .isEmpty();

    send("POST", "/Observation", observationWithIdentifier(value));

    assertThat(fhirContext.newJsonParser().parseResource(Bundle.class, send("GET", search, null).body()).getEntry())
        .hasSize(1);
  }

  @Test
  void containsSearchesFindPartOfAString() throws Exception {
    String unique = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    send("POST", "/Organization", "{\"resourceType\":\"Organization\",\"name\":\"North " + unique + " Clinic\"}");

    HttpResponse<String> found = send("GET", "/Organization?name:contains=" + unique.substring(2, 9), null);

    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(fhirContext.newJsonParser().parseResource(Bundle.class, found.body()).getEntry()).hasSize(1);
  }

  @Test
  void leniencyIgnoresAnUnknownParameterThatStrictnessRefuses() throws Exception {
    HttpResponse<String> strict = send(request("GET", "/Organization?no-such-parameter=1", null)
        .header("Prefer", "handling=strict"));
    HttpResponse<String> lenient = send(request("GET", "/Organization?no-such-parameter=1&_count=1", null)
        .header("Prefer", "handling=lenient"));

    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(strict.body()).contains("no-such-parameter");
    assertThat(lenient.statusCode()).as(lenient.body()).isEqualTo(200);
    Bundle answer = fhirContext.newJsonParser().parseResource(Bundle.class, lenient.body());
    assertThat(answer.getLink(Bundle.LINK_SELF).getUrl()).doesNotContain("no-such-parameter");
  }

  @Test
  void preferReturnChoosesTheBody() throws Exception {
    HttpResponse<String> minimal = send(request("POST", "/Observation", observation(null, "minimal"))
        .header("Prefer", "return=minimal"));
    HttpResponse<String> outcome = send(request("POST", "/Observation", observation(null, "outcome"))
        .header("Prefer", "return=OperationOutcome"));

    assertThat(minimal.statusCode()).isEqualTo(201);
    assertThat(minimal.body()).isEmpty();
    assertThat(location(minimal)).contains("/Observation/");
    assertThat(outcome.statusCode()).isEqualTo(201);
    assertThat(outcome.body()).contains("\"resourceType\":\"OperationOutcome\"");
  }

  /**
   * More records about a client than one page includes: the page says it left some out (an OperationOutcome
   * warning), rather than silently answering part of the record.
   */
  @Test
  void includesCutAtThePageLimitAreAnnounced() throws Exception {
    org.hl7.fhir.r4.model.Patient client = org.casemgmt.adapter.testing.GuideExamples.newClient(
        org.casemgmt.adapter.testing.GuideExamples.uniqueValue());
    String patient = fhir().create().resource(client).execute().getId().toUnqualifiedVersionless().getValue();
    Bundle many = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (int i = 0; i < MAX_INCLUDES_PER_PAGE + 5; i++) {
      org.hl7.fhir.r4.model.Observation observation = new org.hl7.fhir.r4.model.Observation()
          .setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL)
          .setSubject(new org.hl7.fhir.r4.model.Reference(patient));
      observation.getCode().setText("reading " + i);
      many.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    }
    fhir().transaction().withBundle(many).execute();

    HttpResponse<String> answer = send("GET", "/Patient?_id=" + patient.replace("Patient/", "")
        + "&_revinclude=Observation:subject", null);

    Bundle page = fhirContext.newJsonParser().parseResource(Bundle.class, answer.body());
    assertThat(page.getEntry()).filteredOn(entry -> entry.getResource() instanceof org.hl7.fhir.r4.model.Observation)
        .hasSizeLessThanOrEqualTo(MAX_INCLUDES_PER_PAGE);
    assertThat(page.getEntry()).filteredOn(entry -> entry.getResource() instanceof OperationOutcome)
        .extracting(entry -> ((OperationOutcome) entry.getResource()).getIssueFirstRep().getDiagnostics())
        .anyMatch(text -> text.contains("include"));
  }

  /**
   * Client errors are the client's business: logged at INFO by type and status, never at WARN, without a stack trace
   * and without the reason, which quotes the conditional URL's identifier.
   */
  @Test
  void clientErrorsAreLoggedAtInfoWithoutTheirReasons(CapturedOutput output) throws Exception {
    String value = UUID.randomUUID().toString();
    send("POST", "/Observation", observationWithIdentifier(value));
    send("POST", "/Observation", observationWithIdentifier(value));

    HttpResponse<String> ambiguous = send(request("POST", "/Observation", observationWithIdentifier(value))
        .header("If-None-Exist", "identifier=" + encode(SYSTEM + "|" + value)));
    HttpResponse<String> missing = send("GET", "/Observation/no-such-" + value, null);

    assertThat(ambiguous.statusCode()).as(ambiguous.body()).isEqualTo(412);
    assertThat(ambiguous.body()).contains(value);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(output.getOut()).doesNotContain(value).doesNotContain("Failure during REST processing")
        .contains("FHIR create Observation answered 412").contains("FHIR read Observation answered 404");
  }

  private static String observation(String id, String note) {
    return "{\"resourceType\":\"Observation\"" + (id == null ? "" : ",\"id\":\"" + id.replaceFirst(".*/", "") + "\"")
        + ",\"status\":\"final\",\"code\":{\"text\":\"" + note + "\"}}";
  }

  private static String observationWithIdentifier(String value) {
    return "{\"resourceType\":\"Observation\",\"identifier\":[{\"system\":\"" + SYSTEM + "\",\"value\":\"" + value
        + "\"}],\"status\":\"final\",\"code\":{\"text\":\"conditional\"}}";
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("(no Location)");
  }

  private OperationOutcome operationOutcome(HttpResponse<String> response) {
    return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String method, String path, String body) {
    HttpRequest.Builder request = asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + path)))
        .header("Accept", "application/fhir+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return body == null ? request : request.header("Content-Type", "application/fhir+json");
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(request(method, path, body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
