package org.casemgmt.adapter.operations;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class OperationsConfig {

  /** First of all filters: nothing of the API runs before start-up work is done. */
  @Bean
  FilterRegistrationBean<StartupGate> startupGate(ApplicationAvailability availability) {
    FilterRegistrationBean<StartupGate> registration = new FilterRegistrationBean<>(new StartupGate(availability));
    registration.addUrlPatterns("/fhir/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
