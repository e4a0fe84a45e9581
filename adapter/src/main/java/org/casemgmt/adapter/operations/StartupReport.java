package org.casemgmt.adapter.operations;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.casemgmt.profiles.ImplementationGuide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says on start-up where the service can be reached, what it stores into and what it serves, so an operator reading
 * the log knows the database, the FHIR base and the API's extent without reading configuration. Credentials are
 * never printed.
 */
@Component
class StartupReport {
  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final Environment environment;
  private final DaoRegistry daos;
  private final ISearchParamRegistry searchParameters;
  private final ImplementationGuide guide;

  StartupReport(Environment environment, DaoRegistry daos, ISearchParamRegistry searchParameters,
      ImplementationGuide guide) {
    this.environment = environment;
    this.daos = daos;
    this.searchParameters = searchParameters;
    this.guide = guide;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    String url = withoutCredentials(environment.getProperty("spring.datasource.url", ""));
    log.info("Database in use: {}", url);
    log.info("HTTP port: {}; FHIR base: http://localhost:{}/fhir ; health: http://localhost:{}/actuator/health",
        port, port, port);
    int parameters = daos.getRegisteredDaoTypes().stream().mapToInt(type -> searchParameters
        .getActiveSearchParams(type, ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH).size()).sum();
    log.info("Serving FHIR R4: {} resource types, {} search parameters in force, {} profiles of {}",
        daos.getRegisteredDaoTypes().size(), parameters, guide.profileUrls().size(), ImplementationGuide.CANONICAL);
  }

  /** JDBC URLs may carry credentials as parameters (after '?' or ';'); keep only the part before them. */
  static String withoutCredentials(String jdbcUrl) {
    return jdbcUrl.split("[?;]", 2)[0];
  }
}
