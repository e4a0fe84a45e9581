package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.SearchPreferHandlingInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import org.casemgmt.profiles.ImplementationGuide;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The FHIR R4 endpoint at {@code /fhir}: HAPI's JPA server with the resource types this adapter serves.
 *
 * <p>Only the HAPI modules we use are imported: the R4 JPA store, batch2 (HAPI's jobs: reindexing, bulk export)
 * and the in-memory subscription channel the JPA configuration expects to find.
 */
@Configuration
@Import({
    JpaR4Config.class,
    HapiJpaConfig.class,
    JpaBatch2Config.class,
    Batch2JobsConfig.class,
    SubscriptionChannelConfig.class,
    ThreadPoolFactoryConfig.class})
class FhirServerConfig {

  @Bean
  RestfulServer fhirServer(
      FhirContext fhirContext,
      FhirServerProperties properties,
      DaoRegistry daoRegistry,
      ResourceProviderFactory resourceProviders,
      JpaSystemProvider<?, ?> systemProvider,
      IFhirSystemDao<?, ?> systemDao,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      IValidationSupport validationSupport,
      DatabaseBackedPagingProvider pagingProvider,
      List<FhirOperation> operations,
      ImplementationGuide guide) {
    // Left unset, the registry serves every type HAPI's R4 model knows.
    if (!properties.resourceTypes().isEmpty()) {
      daoRegistry.setSupportedResourceTypes(properties.resourceTypes());
    }

    RestfulServer server = new RestfulServer(fhirContext);
    server.setServerName("Case-management FHIR adapter");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);
    // The adapter's own operations ($evaluate-eligibility...), each a bean of its feature.
    server.registerProviders(operations);
    pagingProvider.setDefaultPageSize(properties.defaultPageSize());
    pagingProvider.setMaximumPageSize(properties.maxPageSize());
    server.setPagingProvider(pagingProvider);
    JpaCapabilityStatementProvider capabilities = new JpaCapabilityStatementProvider(
        server, systemDao, storageSettings, searchParamRegistry, validationSupport);
    capabilities.setPublisher("Case-management FHIR adapter project");
    // HAPI's resource-count extension has no published definition (the HL7 validator rejects it) and costs a query.
    capabilities.setIncludeResourceCounts(false);
    capabilities.setImplementationDescription(
        "Unified client records for mental-health case management: EHR and Medicaid feeds, eligibility, care plans");
    server.setServerConformanceProvider(capabilities);
    server.registerInterceptor(new GuideInCapabilityStatement(guide));
    server.registerInterceptor(new HttpSemantics(properties.maxIncludesPerPage()));
    // Prefer: handling=lenient drops search parameters the server does not know; strict (the default) refuses them.
    server.registerInterceptor(new SearchPreferHandlingInterceptor(searchParamRegistry));
    return server;
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer fhirServer) {
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(fhirServer, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
