package org.casemgmt.routes.careplan;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.casemgmt.routes.DeadLetters;
import org.casemgmt.routes.FeedHeaders;
import org.casemgmt.routes.careplan.CarePlanExchangeProperties.Endpoint;
import org.casemgmt.routes.careplan.CarePlanOutbox.PendingSend;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to send one plan to one endpoint, and what its outcome means: delivered (2xx), try again later (5xx,
 * 408, 429, a timeout or no connection, while retries last), or given up into the dead-letter store (any other 4xx,
 * or retries exhausted). A replay of a dead letter is a single attempt whose failure is a new dead letter.
 *
 * <p>What is sent is always the plan as stored at the time of the attempt, so a retry or a replay never puts an older
 * version back at the EHR. Logs name plans by id and endpoints by id, never their content.
 */
class CarePlanDelivery {
  static final String FEED = "careplan-exchange";
  /** Exchange properties the route passes between its steps (message headers would go out as HTTP headers). */
  static final String SEND = "careplanSend";
  static final String TARGET = "careplanTarget";
  static final String VERSION = "careplanVersion";
  static final String SENT = "careplanSent";
  static final String REPLAY = "careplanReplay";
  static final String READY = "careplanReady";
  private static final Logger log = LoggerFactory.getLogger(CarePlanDelivery.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CarePlanOutbox outbox;
  private final DeadLetters deadLetters;
  private final Map<String, Endpoint> endpoints;
  private final CarePlanTransaction transaction;
  private final FhirContext fhirContext;
  private final Clock clock;

  CarePlanDelivery(CarePlanOutbox outbox, DeadLetters deadLetters, Map<String, Endpoint> endpoints,
      CarePlanTransaction transaction, FhirContext fhirContext, Clock clock) {
    this.outbox = outbox;
    this.deadLetters = deadLetters;
    this.endpoints = endpoints;
    this.transaction = transaction;
    this.fhirContext = fhirContext;
    this.clock = clock;
  }

  /** The camel-http URI of an endpoint: failures are answers to judge here, not exceptions. */
  static String uri(Endpoint endpoint) {
    return endpoint.baseUrl() + "?throwExceptionOnFailure=false&skipResponseHeaders=true"
        + "&httpClientConfigurer=#" + CarePlanExchangeRoutes.clientConfigurer(endpoint);
  }

  /**
   * Builds the transaction for the send in the exchange body (a {@link PendingSend}) and sets the request up;
   * {@link #READY} stays false when there is nothing to send (the plan is gone, the endpoint unknown), in which case
   * the send is already done with.
   */
  void prepare(Exchange exchange) {
    exchange.setProperty(READY, prepared(exchange));
  }

  private boolean prepared(Exchange exchange) {
    PendingSend send = exchange.getMessage().getBody(PendingSend.class);
    exchange.setProperty(SEND, send);
    Endpoint endpoint = endpoints.get(send.endpointId());
    if (endpoint == null) {
      giveUp(exchange, send, null, "endpoint " + send.endpointId() + " is no longer configured");
      return false;
    }
    Optional<CarePlanContent> content = outbox.content(send.carePlanId());
    if (content.isEmpty()) {
      log.info("CarePlan/{} is gone; nothing to send to {}", send.carePlanId(), send.endpointId());
      outbox.removed(send);
      exchange.getMessage().setBody("CarePlan/" + send.carePlanId() + " is gone; nothing sent");
      return false;
    }
    long version = content.get().plan().getIdElement().getVersionIdPartAsLong();
    String bundle = fhirContext.newJsonParser().encodeResourceToString(
        transaction.of(content.get(), endpoint.patientIdentifierSystem()));
    exchange.setProperty(VERSION, version);
    exchange.setProperty(TARGET, uri(endpoint));
    exchange.setProperty(SENT, bundle);
    exchange.getMessage().removeHeaders("*");
    exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/fhir+json; charset=UTF-8");
    exchange.getMessage().setHeader("Accept", "application/fhir+json");
    authorization(endpoint).ifPresent(value -> exchange.getMessage().setHeader("Authorization", value));
    exchange.getMessage().setBody(bundle.getBytes(StandardCharsets.UTF_8));
    return true;
  }

  /** The endpoint answered. */
  void answered(Exchange exchange) {
    PendingSend send = exchange.getProperty(SEND, PendingSend.class);
    long version = exchange.getProperty(VERSION, Long.class);
    int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    if (Answer.of(status) == Answer.TAKEN) {
      outbox.delivered(send);
      log.info("CarePlan/{}/_history/{} delivered to {} ({})", send.carePlanId(), version, send.endpointId(), status);
      exchange.getMessage().setBody("delivered CarePlan/" + send.carePlanId() + "/_history/" + version + " to "
          + send.endpointId());
      return;
    }
    String reason = "HTTP " + status + " from " + send.endpointId() + diagnostics(exchange);
    if (Answer.of(status) == Answer.TRY_AGAIN) {
      failedForNow(exchange, send, reason);
    } else {
      giveUp(exchange, send, version, reason);
    }
  }

  /** What an EHR's HTTP status means for the send. */
  enum Answer {
    TAKEN, TRY_AGAIN, REFUSED;

    static Answer of(int status) {
      if (status >= 200 && status < 300) {
        return TAKEN;
      }
      // Timeouts, throttling and server trouble pass; anything else the EHR said about our request will not.
      return status == 408 || status == 429 || status >= 500 ? TRY_AGAIN : REFUSED;
    }
  }

  /** No answer: the connection failed or timed out. */
  void unreachable(Exchange exchange) {
    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    PendingSend send = exchange.getProperty(SEND, PendingSend.class);
    if (send == null) {
      // Failed before the send was even read (cannot happen for bodies the drain hands over); say so loudly.
      log.error("A care-plan send failed before it started", failure);
      return;
    }
    failedForNow(exchange, send, send.endpointId() + " unreachable: " + failure);
  }

  private void failedForNow(Exchange exchange, PendingSend send, String reason) {
    Endpoint endpoint = endpoints.get(send.endpointId());
    int attempts = send.attempts() + 1;
    boolean replay = Boolean.TRUE.equals(exchange.getProperty(REPLAY, Boolean.class));
    if (replay || endpoint == null || attempts > endpoint.retries()) {
      String why = replay ? reason : reason + " (gave up after " + attempts + " attempts)";
      giveUp(exchange, send, exchange.getProperty(VERSION, Long.class), why);
      return;
    }
    Instant next = clock.instant().plus(endpoint.delayBefore(attempts));
    outbox.retryLater(send, next, reason);
    log.warn("CarePlan/{} to {}: attempt {} failed ({}); next at {}", send.carePlanId(), send.endpointId(), attempts,
        reason, next);
  }

  private void giveUp(Exchange exchange, PendingSend send, Long version, String reason) {
    String envelope = envelope(send, version == null ? send.version() : version,
        exchange.getProperty(SENT, String.class));
    long letter = deadLetters.keep(FEED, "endpoint " + send.endpointId() + " CarePlan/" + send.carePlanId()
        + "/_history/" + (version == null ? send.version() : version), envelope, reason);
    outbox.removed(send);
    exchange.getMessage().setHeader(FeedHeaders.DEAD_LETTER_ID, letter);
    exchange.getMessage().setBody("dead letter " + letter + ": " + reason);
  }

  /**
   * A dead letter's payload: which plan went where, and the transaction as it was sent, for the operator. A replay
   * sends the plan as stored by then.
   */
  private static String envelope(PendingSend send, long version, String bundle) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("endpoint", send.endpointId());
    envelope.put("carePlan", "CarePlan/" + send.carePlanId());
    envelope.put("version", version);
    try {
      if (bundle != null) {
        envelope.set("bundle", JSON.readTree(bundle));
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The send a dead letter's payload names, as a single attempt. */
  static PendingSend replayOf(String payload) {
    try {
      JsonNode envelope = JSON.readTree(payload);
      String plan = envelope.path("carePlan").asText();
      if (!plan.startsWith("CarePlan/") || envelope.path("endpoint").asText().isEmpty()) {
        throw new IllegalArgumentException("not a care-plan send: no endpoint or carePlan");
      }
      return new PendingSend(0, envelope.path("endpoint").asText(), plan.substring("CarePlan/".length()),
          envelope.path("version").asLong(), 0, 0);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a care-plan send: " + e.getMessage(), e);
    }
  }

  private static Optional<String> authorization(Endpoint endpoint) {
    return switch (endpoint.auth()) {
      case NONE -> Optional.empty();
      case BASIC -> Optional.of("Basic " + Base64.getEncoder().encodeToString(
          (endpoint.username() + ":" + endpoint.password()).getBytes(StandardCharsets.UTF_8)));
      case BEARER -> Optional.of("Bearer " + endpoint.token());
    };
  }

  /** What the endpoint's OperationOutcome says, if it sent one (short: it goes into logs and dead letters). */
  private String diagnostics(Exchange exchange) {
    try {
      String body = exchange.getMessage().getBody(String.class);
      if (body == null || !body.contains("OperationOutcome")) {
        return "";
      }
      OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, body);
      String text = outcome.getIssue().stream()
          .map(issue -> issue.getSeverity().toCode() + " " + issue.getCode().toCode()
              + (issue.hasDiagnostics() ? " " + issue.getDiagnostics() : ""))
          .reduce((a, b) -> a + "; " + b).orElse("");
      return text.isEmpty() ? "" : ": " + (text.length() > 500 ? text.substring(0, 500) : text);
    } catch (RuntimeException unreadable) {
      return "";
    }
  }
}
