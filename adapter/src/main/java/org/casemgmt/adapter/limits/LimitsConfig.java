package org.casemgmt.adapter.limits;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request limits: body size at the servlet door, the rest on the FHIR server. */
@Configuration
class LimitsConfig {

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(LimitProperties limits) {
    FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits));
    registration.addUrlPatterns("/fhir/*", "/admin/*", "/oauth2/*");
    // Before the security chain: an oversized body is refused before anything reads it.
    registration.setOrder(-200);
    return registration;
  }

  @Bean
  RequestBudget requestBudget(LimitProperties limits, RestfulServer fhirServer) {
    RequestBudget budget = new RequestBudget(limits);
    fhirServer.registerInterceptor(budget);
    return budget;
  }
}
