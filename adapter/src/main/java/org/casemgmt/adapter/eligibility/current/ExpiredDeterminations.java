package org.casemgmt.adapter.eligibility.current;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.cluster.ClusterLeases;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The daily pass: every client with a determination whose last valid day (effectivePeriod.end) has passed or is
 * today is queued for re-evaluation, so outcomes that change with the date alone (evidence ageing out of a lookback
 * window, coverage ending, a birthday) are current without new evidence arriving.
 */
class ExpiredDeterminations implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(ExpiredDeterminations.class);
  private static final String CASE_MANAGEMENT = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";
  private static final int PAGE = 500;

  private final DaoRegistry daos;
  private final ReevaluationQueue queue;
  private final Clock clock;
  private final String cron;
  private final ClusterLeases cluster;

  ExpiredDeterminations(DaoRegistry daos, ReevaluationQueue queue, Clock clock, String cron, ClusterLeases cluster) {
    this.daos = daos;
    this.queue = queue;
    this.clock = clock;
    this.cron = cron;
    this.cluster = cluster;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!"-".equals(cron)) {
      // Every node's schedule fires; the node holding the lease queues the clients, once.
      registrar.addCronTask(() -> {
        if (cluster.leads("expired-determinations")) {
          reevaluateExpired();
        }
      }, cron);
    }
  }

  /**
   * Queues the clients whose determination ends today or earlier (today by the service's clock and time zone).
   *
   * @return how many clients were queued
   */
  int reevaluateExpired() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    IFhirResourceDao<Observation> observations = daos.getResourceDao(Observation.class);
    // eb: the period ends before tomorrow, whatever its start.
    SearchParameterMap expired = SearchParameterMap.newSynchronous()
        .add(Observation.SP_CODE, new TokenParam(CASE_MANAGEMENT, "eligibility-determination"))
        .add(Observation.SP_DATE, new DateParam(ParamPrefixEnum.ENDS_BEFORE, today.plusDays(1).toString()));
    // Ids first, then the determinations a page at a time: memory stays bounded however many there are.
    List<IIdType> ids = observations.searchForResourceIds(expired, new SystemRequestDetails());
    Set<String> clients = new LinkedHashSet<>();
    for (int from = 0; from < ids.size(); from += PAGE) {
      TokenOrListParam page = new TokenOrListParam();
      ids.subList(from, Math.min(ids.size(), from + PAGE)).forEach(id -> page.add(id.getIdPart()));
      observations.search(SearchParameterMap.newSynchronous().add("_id", page), new SystemRequestDetails())
          .getAllResources().forEach(found -> {
            String client = ((Observation) found).getSubject().getReferenceElement().getIdPart();
            if (client != null) {
              clients.add(client);
            }
          });
    }
    queue.add(clients, Set.of());
    log.info("Daily re-evaluation on {}: {} determinations ended, {} clients queued", today, ids.size(),
        clients.size());
    return clients.size();
  }
}
