package org.casemgmt.adapter.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import org.casemgmt.profiles.ImplementationGuide;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The implementation guide, loaded once, and its enforcement on every write that reaches storage. */
@Configuration
class ConformanceConfig {

  @Bean
  ImplementationGuide implementationGuide(FhirContext fhirContext) {
    return new ImplementationGuide(fhirContext);
  }

  /** A step of the write pipeline ({@code storage.WritePipeline}): feeds' writes meet the same rules as REST writes. */
  @Bean
  ProfileEnforcement profileEnforcement(FhirContext fhirContext, ImplementationGuide guide,
      ConformanceProperties properties) {
    return new ProfileEnforcement(fhirContext, guide, properties.requiredProfiles());
  }

  /**
   * Takes the place of HAPI's own instance validator (which resolves profiles from the database, with another chain
   * and other settings), so {@code $validate} judges as a write does. HAPI's resource DAOs look it up by type.
   */
  @Bean
  @Primary
  IInstanceValidatorModule guideInstanceValidator(FhirContext fhirContext, ImplementationGuide guide,
      ConformanceProperties properties) {
    return new GuideInstanceValidator(fhirContext, guide, properties.requiredProfiles());
  }
}
