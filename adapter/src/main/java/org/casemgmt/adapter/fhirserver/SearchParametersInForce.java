package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.IHapiBootOrder;
import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.jobs.reindex.ReindexJobParameters;
import ca.uhn.fhir.batch2.jobs.reindex.ReindexUtils;
import ca.uhn.fhir.batch2.model.JobInstanceStartRequest;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.SearchParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the stored search parameters in line with the configured list and the implementation guide at start-up. It runs once HAPI has registered
 * its batch jobs, because a changed list means the resources already stored must be reindexed.
 */
@Component
class SearchParametersInForce {
  private static final Logger log = LoggerFactory.getLogger(SearchParametersInForce.class);

  private final SearchParameterPolicy policy;
  private final DaoRegistry daoRegistry;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final ISearchParamRegistry searchParamRegistry;
  private final IJobCoordinator jobCoordinator;

  SearchParametersInForce(SearchParameterPolicy policy, DaoRegistry daoRegistry, IFhirSystemDao<Bundle, ?> systemDao,
      ISearchParamRegistry searchParamRegistry, IJobCoordinator jobCoordinator) {
    this.policy = policy;
    this.daoRegistry = daoRegistry;
    this.systemDao = systemDao;
    this.searchParamRegistry = searchParamRegistry;
    this.jobCoordinator = jobCoordinator;
  }

  @EventListener(ContextRefreshedEvent.class)
  @Order(IHapiBootOrder.ADD_JOB_DEFINITIONS + 1)
  void apply() {
    long started = System.nanoTime();
    List<SearchParameter> stored = daoRegistry.getResourceDao(SearchParameter.class)
        .searchForResources(SearchParameterMap.newSynchronous(), new SystemRequestDetails()).stream()
        .map(SearchParameter.class::cast).toList();
    Bundle changes = policy.changesAgainst(stored);
    if (changes.getEntry().isEmpty()) {
      log.info("Search parameters: the {} stored match the configuration (compared in {} ms)", stored.size(),
          (System.nanoTime() - started) / 1_000_000);
      return;
    }
    // HAPI would start one reindex job per changed SearchParameter (hundreds on a first start); one job does.
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(JpaConstants.SKIP_REINDEX_ON_UPDATE, true);
    systemDao.transaction(request, changes);
    searchParamRegistry.forceRefresh();
    Set<String> types = SearchParameterPolicy.typesToReindex(changes);
    reindex(types);
    log.info("Search parameters: {} written in {} ms; reindexing {}", changes.getEntry().size(),
        (System.nanoTime() - started) / 1_000_000, types);
  }

  private void reindex(Set<String> types) {
    ReindexJobParameters parameters = new ReindexJobParameters();
    types.forEach(type -> parameters.addUrl(type + "?"));
    JobInstanceStartRequest request = new JobInstanceStartRequest();
    request.setJobDefinitionId(ReindexUtils.JOB_REINDEX);
    request.setParameters(parameters);
    jobCoordinator.startInstance(new SystemRequestDetails(), request);
  }
}
