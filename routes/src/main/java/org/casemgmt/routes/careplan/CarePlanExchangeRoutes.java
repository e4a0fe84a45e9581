package org.casemgmt.routes.careplan;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.casemgmt.routes.ClusterSingleton;
import org.casemgmt.routes.DeadLetters;
import org.casemgmt.routes.FeedHeaders;
import org.casemgmt.routes.careplan.CarePlanExchangeProperties.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Individualized Service Plans out to EHRs. The outbox is drained by one consumer at a time: when a change commits
 * (the adapter asks at {@link CarePlanOutbox#DRAIN}), every poll interval (retries that are due, sends a restart left
 * behind), and again at once after a full batch. Each send is one FHIR transaction POSTed to the endpoint's base URL.
 * Dead letters of this feed are replayed through {@code direct:careplan-exchange-intake}, which sends the plan as
 * stored now, once.
 */
@Component
class CarePlanExchangeRoutes extends RouteBuilder {
  private static final int BATCH = 100;
  private static final Logger log = LoggerFactory.getLogger(CarePlanExchangeRoutes.class);

  private final CarePlanExchangeProperties properties;
  private final CarePlanOutbox outbox;
  private final CarePlanDelivery delivery;

  CarePlanExchangeRoutes(CarePlanExchangeProperties properties, CarePlanOutbox outbox, DeadLetters deadLetters,
      FhirContext fhirContext, Clock clock) {
    this.properties = properties;
    this.outbox = outbox;
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    properties.endpoints().forEach(endpoint -> endpoints.put(endpoint.id(), endpoint));
    this.delivery = new CarePlanDelivery(outbox, deadLetters, endpoints,
        new CarePlanTransaction(fhirContext, properties.identifierSystem()), fhirContext, clock);
  }

  static String clientConfigurer(Endpoint endpoint) {
    return "careplanExchangeClient-" + endpoint.id();
  }

  @Override
  public void configure() {
    for (Endpoint endpoint : properties.endpoints()) {
      getContext().getRegistry().bind(clientConfigurer(endpoint), HttpClientConfigurer.class, timeouts(endpoint));
    }
    log.info("Care plans sent to {} endpoint(s){}; identifier system {}", properties.endpoints().size(),
        properties.endpoints().isEmpty() ? "" : ": " + properties.endpoints(), properties.identifierSystem());

    from("timer:careplan-outbox?period=" + properties.pollInterval().toMillis()).routeId("careplan-outbox-poll")
        .group(ClusterSingleton.group("careplan-outbox"))
        .to(CarePlanOutbox.DRAIN);

    from("seda:careplan-outbox-drain?size=1").routeId("careplan-outbox-drain")
        .group(ClusterSingleton.group("careplan-outbox"))
        .process(exchange -> exchange.getMessage().setBody(outbox.due(BATCH)))
        .split(body())
          .to("direct:careplan-send")
        .end()
        .filter(exchange -> exchange.getMessage().getBody(List.class).size() == BATCH)
          .to(CarePlanOutbox.DRAIN)
        .end();

    from("direct:careplan-send").routeId("careplan-send")
        .onException(Exception.class).handled(true)
          .process(delivery::unreachable)
        .end()
        .process(delivery::prepare)
        .filter(exchangeProperty(CarePlanDelivery.READY).isEqualTo(true))
          .toD("${exchangeProperty." + CarePlanDelivery.TARGET + "}")
          .process(delivery::answered)
        .end();

    from(FeedHeaders.intakeEndpoint(CarePlanDelivery.FEED)).routeId("careplan-exchange-intake")
        .process(exchange -> {
          exchange.getMessage().setBody(CarePlanDelivery.replayOf(exchange.getMessage().getBody(String.class)));
          exchange.setProperty(CarePlanDelivery.REPLAY, true);
        })
        .to("direct:careplan-send");
  }

  /** One attempt per send, within the endpoint's timeout (connecting, a pooled connection, the answer). */
  @SuppressWarnings("deprecation")
  private static HttpClientConfigurer timeouts(Endpoint endpoint) {
    Timeout timeout = Timeout.ofMilliseconds(endpoint.timeout().toMillis());
    // The connect timeout sits in RequestConfig (deprecated there, still honoured) since the connection manager, where
    // HttpClient 5 would rather have it, is the component's, shared by every endpoint.
    // HttpClient would resend on its own after a 503 or 429; retries are the outbox's, with the endpoint's backoff.
    return builder -> builder.disableAutomaticRetries().setDefaultRequestConfig(RequestConfig.custom()
        .setConnectTimeout(timeout)
        .setConnectionRequestTimeout(timeout)
        .setResponseTimeout(timeout)
        .build());
  }
}
