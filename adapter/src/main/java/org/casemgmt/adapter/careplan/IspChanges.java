package org.casemgmt.adapter.careplan;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.casemgmt.adapter.security.ReachableClients;
import org.casemgmt.adapter.storage.WritePipeline;
import org.casemgmt.profiles.ImplementationGuide;
import org.casemgmt.routes.careplan.CarePlanOutbox;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notices, in the transaction that writes them, the changes EHRs must hear of: an ISP (a CarePlan claiming the guide's
 * ISP profile) that becomes active, changes while active, or leaves active (completed or revoked: the EHR's copy must
 * not stay active); and a goal of an active ISP that changes (progress recorded). Each queues a send to every
 * endpoint in the outbox within that same transaction, so a rolled-back write sends nothing and a committed one is
 * never forgotten, and asks for a drain once the transaction has committed. A draft is never sent.
 */
@Interceptor
class IspChanges implements WritePipeline.Step {
  static final String ISP_PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/isp";
  private static final Logger log = LoggerFactory.getLogger(IspChanges.class);

  private final CarePlanOutboxStore outbox;
  private final List<String> endpointIds;
  private final DaoRegistry daos;
  private final ProducerTemplate producer;
  private final ReachableClients reachable;

  IspChanges(CarePlanOutboxStore outbox, List<String> endpointIds, DaoRegistry daos, ProducerTemplate producer,
      ReachableClients reachable) {
    this.outbox = outbox;
    this.reachable = reachable;
    this.endpointIds = endpointIds;
    this.daos = daos;
    this.producer = producer;
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = WritePipeline.ISP_EXCHANGE)
  void created(IBaseResource resource) {
    if (resource instanceof CarePlan plan && isIsp(plan) && plan.getStatus() == CarePlan.CarePlanStatus.ACTIVE) {
      queue(plan);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = WritePipeline.ISP_EXCHANGE)
  void updated(IBaseResource previous, IBaseResource resource) {
    if (previous != null && resource.getIdElement().getVersionIdPart() != null
        && resource.getIdElement().getVersionIdPart().equals(previous.getIdElement().getVersionIdPart())) {
      return; // nothing stored changed (a metadata-only write)
    }
    if (resource instanceof CarePlan plan) {
      boolean wasActiveIsp = previous instanceof CarePlan before && isIsp(before)
          && before.getStatus() == CarePlan.CarePlanStatus.ACTIVE;
      if (isIsp(plan) && (plan.getStatus() == CarePlan.CarePlanStatus.ACTIVE || wasActiveIsp)) {
        queue(plan);
      }
    } else if (resource instanceof Goal goal) {
      activeIspsListing(goal).forEach(this::queue);
    }
  }

  private List<CarePlan> activeIspsListing(Goal goal) {
    SearchParameterMap listing = SearchParameterMap.newSynchronous()
        .add(CarePlan.SP_GOAL, new ReferenceParam("Goal/" + goal.getIdElement().getIdPart()))
        .add(CarePlan.SP_STATUS, new TokenParam("active"))
        .add("_profile", new UriParam(ISP_PROFILE));
    return daos.getResourceDao(CarePlan.class).searchForResources(listing, new SystemRequestDetails()).stream()
        .map(CarePlan.class::cast).toList();
  }

  static boolean isIsp(CarePlan plan) {
    return plan.getMeta().getProfile().stream().anyMatch(profile -> ISP_PROFILE.equals(profile.getValue()));
  }

  private void queue(CarePlan plan) {
    if (endpointIds.isEmpty()) {
      return;
    }
    String id = plan.getIdElement().getIdPart();
    long version = plan.getIdElement().getVersionIdPartAsLong() == null ? 1
        : plan.getIdElement().getVersionIdPartAsLong();
    endpointIds.forEach(endpoint -> {
      outbox.queue(id, version, endpoint);
      // The EHR that receives the client's plan may read the client's record (role partner-ehr).
      if (plan.getSubject().hasReference()) {
        reachable.partnerReaches(endpoint, plan.getSubject().getReference());
      }
    });
    drainAfterCommit();
  }

  private void drainAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return; // the poll finds it
    }
    if (TransactionSynchronizationManager.hasResource(this)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          producer.sendBody(CarePlanOutbox.DRAIN, null);
        } catch (RuntimeException e) {
          // The entry is committed; the next poll sends it.
          log.warn("Could not ask for a care-plan drain ({}); the next poll sends it", e.getClass().getName());
        }
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(IspChanges.this);
      }
    });
  }
}
