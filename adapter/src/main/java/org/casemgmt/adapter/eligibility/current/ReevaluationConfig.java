package org.casemgmt.adapter.eligibility.current;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.casemgmt.adapter.cluster.ClusterLeases;
import org.casemgmt.adapter.eligibility.determination.EligibilityEvaluations;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Re-evaluation on new evidence and daily. The evidence watcher is a step of the write pipeline
 * ({@code storage.WritePipeline}), so it sees every committed write whichever feed or API client made it.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "adapter.eligibility.reevaluation.enabled", havingValue = "true", matchIfMissing = true)
class ReevaluationConfig {
  private static final Logger log = LoggerFactory.getLogger(ReevaluationConfig.class);

  @Bean
  ReevaluationQueue reevaluationQueue(ReevaluationProperties properties, ClientRecordReader record, DaoRegistry daos,
      ProgramDefinitions programs, EligibilityEvaluations evaluations, Clock clock, EntityManager entityManager,
      PlatformTransactionManager transactions) {
    log.info("Eligibility re-evaluation: on new evidence (queued in CM_REEVALUATION, looked for every {}, up to {}"
        + " clients leased for {}, {} worker(s)), daily at cron '{}'", properties.poll(), properties.batch(),
        properties.lease(), properties.workers(), properties.cron());
    return new ReevaluationQueue(entityManager, transactions, clock, properties.poll(), properties.lease(),
        properties.batch(), Math.max(1, properties.workers()),
        new ClientReevaluation(record, daos, programs, evaluations, clock));
  }

  @Bean
  EvidenceCommits evidenceCommits(ReevaluationQueue queue) {
    return new EvidenceCommits(queue);
  }

  @Bean
  EligibilityRequests eligibilityRequests(ReevaluationQueue queue) {
    return new EligibilityRequests(queue);
  }

  @Bean
  ExpiredDeterminations expiredDeterminations(DaoRegistry daos, ReevaluationQueue queue, Clock clock,
      ReevaluationProperties properties, ClusterLeases cluster) {
    return new ExpiredDeterminations(daos, queue, clock, properties.cron(), cluster);
  }
}
