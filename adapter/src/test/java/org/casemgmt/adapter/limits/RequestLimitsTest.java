package org.casemgmt.adapter.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The probes of the security review, as regressions: oversized bodies (declared or chunked), paging parameters that
 * are not numbers in range, and batches of many searches are refused with a reason, and the service keeps serving.
 */
class RequestLimitsTest extends FhirServerTest {
  private static final int OVER_LIMIT = 17 * 1024 * 1024;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anOversizedBodyIsRefusedBeforeItIsReadWhetherItsLengthIsDeclaredOrNot() throws Exception {
    byte[] body = new byte[OVER_LIMIT];
    Arrays.fill(body, (byte) ' ');
    HttpResponse<String> declared = send(asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient")))
        .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    HttpResponse<String> chunked = send(asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient")))
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("exceeds 16777216 bytes");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(send(asAdmin(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient?_count=1"))).GET())
        .statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"_count=abc", "_count=-1", "_count=99999999", "_offset=-3", "_offset=x"})
  void pagingParametersOutOfRangeAreA400WithTheReason(String parameter) throws Exception {
    HttpResponse<String> response = send(asAdmin(HttpRequest.newBuilder(
        URI.create(fhirBase() + "/Observation?" + parameter))).GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome").contains(parameter.split("=")[0])
        .doesNotContain("Exception");
  }

  @Test
  void aBatchOfManySearchesIsRefusedWhole() throws Exception {
    StringBuilder batch = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
    for (int i = 0; i < 101; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"request\":{\"method\":\"GET\",\"url\":\"Patient?_revinclude=*\"}}");
    }
    batch.append("]}");
    HttpResponse<String> response = send(asAdmin(HttpRequest.newBuilder(URI.create(fhirBase())))
        .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(batch.toString())));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("at most 100 reads and searches");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
  }
}
