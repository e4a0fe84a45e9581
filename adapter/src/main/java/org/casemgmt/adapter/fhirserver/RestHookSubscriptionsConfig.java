package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * FHIR R4 rest-hook Subscriptions, HAPI's own: a client stores a Subscription (criteria such as
 * {@code CarePlan?status=active}, channel rest-hook to its URL) and HAPI notifies it of each matching write. HAPI keeps
 * a note of every write in its own table in the same transaction and matches it after commit on a 5-second schedule,
 * so a rolled-back write notifies nobody; delivery retries and channels are HAPI's (in memory, this one service).
 * Writes of types no Subscription names are not noted at all ({@link SubscribedTypes}).
 * Only rest-hook channels are accepted (no e-mail, websocket or messaging).
 */
@Configuration
@ConditionalOnProperty(name = "adapter.fhir.subscriptions.rest-hook", havingValue = "true", matchIfMissing = true)
@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class})
class RestHookSubscriptionsConfig {
  private static final Logger log = LoggerFactory.getLogger(RestHookSubscriptionsConfig.class);

  @Bean
  SubscriptionSettings subscriptionSettings() {
    SubscriptionSettings settings = new SubscriptionSettings();
    settings.addSupportedSubscriptionType(SubscriptionChannelType.RESTHOOK);
    // A new Subscription is registered at once rather than on the next schedule.
    settings.setSubscriptionChangeQueuedImmediately(true);
    log.info("FHIR Subscriptions: rest-hook channels enabled");
    return settings;
  }

  /** HAPI's matcher, noting only the writes some Subscription can match: the one HAPI registers (primary). */
  @Bean
  @Primary
  SubscribedTypes subscribedTypes(FhirContext fhirContext, DaoRegistry daos) {
    return new SubscribedTypes(fhirContext, daos);
  }

  /** HAPI's delivery wiring asks for an e-mail sender even when e-mail channels are off; this one is never called. */
  @Bean
  IEmailSender emailSender() {
    return details -> {
      throw new UnsupportedOperationException("e-mail subscriptions are not enabled");
    };
  }
}
