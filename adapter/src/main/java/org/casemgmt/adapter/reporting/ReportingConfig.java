package org.casemgmt.adapter.reporting;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/** What the state's reports and exports count on being kept current: each program's enrolled clients. */
@Configuration
class ReportingConfig {

  /** With storage: the workflow's and feeds' enrollment writes change a program's clients as much as a caller's. */
  @Bean
  ProgramGroups programGroups(DaoRegistry daos, StoredResources stored, EntityManagerFactory entityManagers,
      PlatformTransactionManager transactionManager) {
    return new ProgramGroups(daos, stored,
        SharedEntityManagerCreator.createSharedEntityManager(entityManagers), transactionManager);
  }
}
