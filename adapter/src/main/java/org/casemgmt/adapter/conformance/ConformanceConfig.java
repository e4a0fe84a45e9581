package org.casemgmt.adapter.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import org.casemgmt.profiles.ImplementationGuide;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The implementation guide, loaded once, and its enforcement on every write that reaches storage. */
@Configuration
class ConformanceConfig {

  @Bean
  ImplementationGuide implementationGuide(FhirContext fhirContext) {
    return new ImplementationGuide(fhirContext);
  }

  /** Registered with the storage layer, so writes from the feeds are held to the same rules as REST writes. */
  @Bean
  ProfileEnforcement profileEnforcement(FhirContext fhirContext, ImplementationGuide guide,
      ConformanceProperties properties, IInterceptorService storageInterceptors) {
    ProfileEnforcement enforcement = new ProfileEnforcement(fhirContext, guide, properties.requiredProfiles());
    storageInterceptors.registerInterceptor(enforcement);
    return enforcement;
  }
}
