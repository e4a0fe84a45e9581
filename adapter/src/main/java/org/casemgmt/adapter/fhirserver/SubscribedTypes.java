package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * HAPI's subscription matcher, noting a write for its subscriptions (the resource encoded into a message, a row in
 * {@code HFJ_RESOURCE_MODIFIED}, then a read of the resource to match it) only when some Subscription names its
 * resource type: otherwise every resource a feed writes would cost that (5% of the enrollment feed's CPU went to
 * encoding the message alone), though subscriptions are few and about few types. It stands in for HAPI's own matcher
 * bean and decides before the message is built. The types are those of every stored Subscription's criteria, read
 * once the service is ready and added to as Subscriptions are written; until then, and for criteria that name no
 * type, every write is noted as HAPI would. A Subscription deleted or switched off keeps its type noted until restart.
 */
class SubscribedTypes extends SubscriptionMatcherInterceptor {
  private static final Logger log = LoggerFactory.getLogger(SubscribedTypes.class);

  private final FhirContext fhirContext;
  private final DaoRegistry daos;
  private final Set<String> types = ConcurrentHashMap.newKeySet();
  private volatile boolean everyType = true;
  private volatile boolean anyCriteria;

  SubscribedTypes(FhirContext fhirContext, DaoRegistry daos) {
    this.fhirContext = fhirContext;
    this.daos = daos;
  }

  @Override
  protected void processResourceModifiedEvent(IBaseResource resource, OperationTypeEnum operation,
      RequestDetails request) {
    if (noted(resource)) {
      super.processResourceModifiedEvent(resource, operation, request);
    }
  }

  /** Whether HAPI should note the write for its subscriptions. */
  boolean noted(IBaseResource resource) {
    if (resource instanceof Subscription written) {
      add(written);
      return true;
    }
    return everyType || anyCriteria || types.contains(fhirContext.getResourceType(resource));
  }

  @EventListener(ApplicationReadyEvent.class)
  void readStoredSubscriptions() {
    daos.getResourceDao(Subscription.class)
        .searchForResources(SearchParameterMap.newSynchronous(), new SystemRequestDetails())
        .forEach(stored -> add((Subscription) stored));
    everyType = false;
    log.info("FHIR Subscriptions: writes of {} are matched{}", types.isEmpty() ? "no type" : types,
        anyCriteria ? ", and every write (a criteria names no type)" : "");
  }

  private void add(Subscription subscription) {
    String criteria = subscription.getCriteria();
    String type = criteria == null ? "" : criteria.split("\\?", 2)[0].trim();
    if (fhirContext.getResourceTypes().contains(type)) {
      types.add(type);
    } else {
      anyCriteria = true;
    }
  }
}
