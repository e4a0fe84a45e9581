package org.casemgmt.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.search.cache.ISearchCacheSvc;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Access control on the FHIR server: the grant of each API request checked on the way in and on every resource on
 * the way out and case managers' searches narrowed to their caseload (registered with the REST server: they concern
 * callers); Part 2 labelling and caseloads kept on every write (steps of {@code storage.WritePipeline}: feeds write
 * too).
 */
@Configuration
class FhirSecurityConfig {

  @Bean
  @ConditionalOnProperty(name = "adapter.security.enabled", havingValue = "true", matchIfMissing = true)
  FhirAccessControl fhirAccessControl(Roles roles, ReachableClients reachable, SecurityProperties properties,
      FhirContext context, RestfulServer fhirServer) {
    FhirAccessControl access = new FhirAccessControl(roles, reachable, properties, context);
    fhirServer.registerInterceptor(access);
    return access;
  }

  @Bean
  @ConditionalOnProperty(name = "adapter.security.enabled", havingValue = "true", matchIfMissing = true)
  ReleaseControl releaseControl(FhirAccessControl access, ReachableClients reachable, SearchParamMatcher matcher,
      Part2Release part2, FhirContext context, ISearchCacheSvc pagedSearches, RestfulServer fhirServer) {
    ReleaseControl release = new ReleaseControl(access, reachable, matcher, part2, context, pagedSearches);
    fhirServer.registerInterceptor(release);
    fhirServer.registerInterceptor(new ConsentInterceptor(release));
    return release;
  }

  @Bean
  @ConditionalOnProperty(name = "adapter.security.enabled", havingValue = "true", matchIfMissing = true)
  SmartCapabilities smartCapabilities(SecurityProperties properties, RestfulServer fhirServer) {
    SmartCapabilities capabilities = new SmartCapabilities(properties);
    fhirServer.registerInterceptor(capabilities);
    return capabilities;
  }

  @Bean
  @ConditionalOnProperty(name = "adapter.security.enabled", havingValue = "true", matchIfMissing = true)
  CaseloadSearches caseloadSearches(GroupMembers groupMembers, RestfulServer fhirServer) {
    CaseloadSearches searches = new CaseloadSearches(groupMembers);
    fhirServer.registerInterceptor(searches);
    return searches;
  }

  /** With storage: a feed's or the workflow's write changes caseloads as much as a caller's. */
  @Bean
  Caseloads caseloads(DaoRegistry daos, EntityManagerFactory entityManagers,
      PlatformTransactionManager transactionManager) {
    return new Caseloads(daos, SharedEntityManagerCreator.createSharedEntityManager(entityManagers),
        transactionManager);
  }

  @Bean
  Part2Labels part2Labels(Part2Properties policy, FhirContext context) {
    return new Part2Labels(policy, context);
  }
}
