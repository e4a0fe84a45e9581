package org.casemgmt.adapter.storage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The one entity manager and transaction manager of the service: HAPI's JPA store, Spring Batch's job repository
 * and our own tables all share them, so a feed can write FHIR resources and its bookkeeping in one transaction.
 */
@Configuration
class HapiJpaStorageConfig {

  @Bean
  @Primary
  LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      DataSource dataSource,
      DataSourceProperties dataSourceProperties,
      StorageProperties storage) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    // HAPI's entities and the adapter's own bookkeeping tables (dead letters, received messages).
    factory.setPackagesToScan("ca.uhn.fhir.jpa.model.entity", "ca.uhn.fhir.jpa.entity", "org.casemgmt.adapter");
    factory.setDataSource(dataSource);
    factory.setJpaPropertyMap(hibernateProperties(DatabaseKind.fromJdbcUrl(dataSourceProperties.getUrl()), storage));
    return factory;
  }

  @Bean
  @Primary
  JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }

  static Map<String, Object> hibernateProperties(DatabaseKind database, StorageProperties storage) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("hibernate.dialect", database.hibernateDialect());
    // The schema is created on first start and brought up to date on later ones.
    properties.put("hibernate.hbm2ddl.auto", "update");
    properties.put("hibernate.search.enabled", "false");
    properties.put("hibernate.jdbc.batch_size", storage.jdbcBatchSize());
    properties.put("hibernate.order_inserts", "true");
    properties.put("hibernate.order_updates", "true");
    properties.put("hibernate.jdbc.batch_versioned_data", "true");
    // Hibernate would create a global temporary table per entity on H2 at start-up, and one of HAPI's mappings
    // repeats a column, so H2 refuses it; HAPI issues no bulk HQL mutations that need those tables.
    properties.put("hibernate.query.mutation_strategy.global_temporary.create_tables", "false");
    properties.put("hibernate.format_sql", "false");
    properties.put("hibernate.show_sql", "false");
    return properties;
  }
}
