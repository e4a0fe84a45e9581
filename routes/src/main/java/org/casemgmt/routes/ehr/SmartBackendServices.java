package org.casemgmt.routes.ehr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * SMART backend services (client-confidential-asymmetric): an access token from the EHR's token endpoint for a
 * signed client assertion, kept until shortly before it expires. The token is never logged.
 */
final class SmartBackendServices implements Authentication {
  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  /** When the server does not say how long its token lasts. */
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EhrSource.Auth settings;
  private final ClientAssertion assertion;
  private final Transport transport;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  SmartBackendServices(EhrSource.Auth settings, ClientAssertion assertion, Transport transport, Clock clock) {
    this.settings = settings;
    this.assertion = assertion;
    this.transport = transport;
    this.clock = clock;
  }

  @Override
  public synchronized String authorization() throws EhrFailure {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      renew();
    }
    return "Bearer " + token;
  }

  @Override
  public boolean canRenew() {
    return true;
  }

  @Override
  public synchronized void renew() throws EhrFailure {
    String what = "token request to " + settings.tokenUrl();
    HttpResponse<String> response = transport.send(() -> HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form())), what);
    JsonNode reply = json(response.body());
    if (response.statusCode() / 100 != 2) {
      // OAuth's error code (invalid_client, invalid_scope) says what to fix; it carries no secret.
      throw new EhrFailure(what + ": HTTP " + response.statusCode()
          + (reply.hasNonNull("error") ? " " + reply.get("error").asText() : ""));
    }
    if (!reply.hasNonNull("access_token") || !"bearer".equalsIgnoreCase(reply.path("token_type").asText("bearer"))) {
      throw new EhrFailure(what + ": the reply holds no bearer access_token");
    }
    Duration lifetime = reply.hasNonNull("expires_in") ? Duration.ofSeconds(reply.get("expires_in").asLong())
        : DEFAULT_LIFETIME;
    // Renewed a little early, so a request never leaves with a token about to lapse.
    Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? lifetime.dividedBy(10)
        : Duration.ofMinutes(1);
    token = reply.get("access_token").asText();
    renewAt = clock.instant().plus(lifetime).minus(margin);
  }

  /** A fresh assertion per attempt: a retried request must not repeat a {@code jti} the server may have seen. */
  private String form() {
    return "grant_type=client_credentials"
        + "&scope=" + encode(settings.scope())
        + "&client_assertion_type=" + encode(ASSERTION_TYPE)
        + "&client_assertion=" + encode(assertion.signed(clock.instant()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode json(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }
}
