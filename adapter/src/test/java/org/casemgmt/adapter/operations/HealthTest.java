package org.casemgmt.adapter.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.Tokens;
import org.junit.jupiter.api.Test;

class HealthTest extends FhirServerTest {

  @Test
  void healthReportsTheDatabaseAndCamel() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        asAdmin(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = new ObjectMapper().readTree(response.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    assertThat(health.at("/components/camelHealth/status").asText()).isEqualTo("UP");
    // The only node on its database holds every one-node-at-a-time lease.
    assertThat(health.at("/components/cluster/details/node").asText()).matches("\\d+@.+/[0-9a-f]{8}");
    assertThat(health.at("/components/cluster/details/holds")).extracting(JsonNode::asText)
        .contains("claims-inbox", "enrollment-inbox", "adt-inbox", "careplan-outbox", "audit-drain");
  }

  @Test
  void othersSeeOnlyWhetherItIsUp() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .header("Authorization", "Bearer " + Tokens.client(baseUrl(), "test-supervisor")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = new ObjectMapper().readTree(response.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.has("components")).isFalse();
  }
}
