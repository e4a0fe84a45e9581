package org.casemgmt.adapter.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says on start-up where the service can be reached and what it stores into, so an operator reading the log knows
 * the database and the FHIR base without reading configuration. Credentials are never printed.
 */
@Component
class StartupReport {
  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final Environment environment;

  StartupReport(Environment environment) {
    this.environment = environment;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    String url = withoutCredentials(environment.getProperty("spring.datasource.url", ""));
    log.info("Database in use: {}", url);
    log.info("HTTP port: {}; FHIR base: http://localhost:{}/fhir ; health: http://localhost:{}/actuator/health",
        port, port, port);
  }

  /** JDBC URLs may carry credentials as parameters (after '?' or ';'); keep only the part before them. */
  static String withoutCredentials(String jdbcUrl) {
    return jdbcUrl.split("[?;]", 2)[0];
  }
}
