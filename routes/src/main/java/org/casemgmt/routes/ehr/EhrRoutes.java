package org.casemgmt.routes.ehr;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.casemgmt.routes.ClusterSingleton;
import org.casemgmt.routes.FeedHeaders;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The EHR FHIR pull: per configured source a timer route ({@code ehr-<id>-poll}) that polls its API, and an intake
 * ({@code ehr-<id>-intake}) its dead letters are replayed through. Each timer has a thread of its own, so sources
 * poll independently, and a source never polls twice at once (a poll outlasting the interval delays the next).
 */
@Component
class EhrRoutes extends RouteBuilder {
  private static final Logger log = LoggerFactory.getLogger(EhrRoutes.class);

  private final EhrSettings settings;
  private final IdentityPolicy identity;
  private final EhrSourceStatuses statuses;
  private final EhrRecord record;
  private final FhirContext fhirContext;
  private final Clock clock;

  EhrRoutes(EhrSettings settings, IdentityPolicy identity, EhrSourceStatuses statuses, EhrRecord record,
      FhirContext fhirContext, Clock clock) {
    this.settings = settings;
    this.identity = identity;
    this.statuses = statuses;
    this.record = record;
    this.fhirContext = fhirContext;
    this.clock = clock;
  }

  @Override
  public void configure() {
    for (EhrSource source : settings.sources()) {
      EhrSourceStatus status = statuses.of(source.id());
      Transport transport = new Transport(source, status, clock);
      FhirApi api = new FhirApi(source, transport, Authentication.of(source, transport, clock), fhirContext);
      EhrMapper mapper = new EhrMapper(source, settings.mapping(), identity);

      from("timer:ehr-" + source.id() + "?delay=" + settings.initialDelay().toMillis()
          + "&period=" + source.pollInterval().toMillis())
          .routeId("ehr-" + source.id() + "-poll").group(ClusterSingleton.group("ehr-" + source.id() + "-poll"))
          .process(new EhrPoll(source, api, mapper, record, status, clock));
      from(FeedHeaders.intakeEndpoint(source.feed())).routeId("ehr-" + source.id() + "-intake")
          .process(new EhrReplay(mapper, record, fhirContext));

      // The settings in effect, never a secret.
      log.info("EHR source {}: {} every {}, {} per page, auth {}{}, timeouts {}/{}, {} attempts per request",
          source.id(), source.baseUrl() + " " + source.resourceTypes(), source.pollInterval(), source.pageSize(),
          source.auth().type().name().toLowerCase().replace('_', '-'),
          source.auth().clientId() == null ? "" : " (client " + source.auth().clientId() + ")",
          source.timeouts().connect(), source.timeouts().read(), source.retry().maxAttempts());
    }
  }
}
