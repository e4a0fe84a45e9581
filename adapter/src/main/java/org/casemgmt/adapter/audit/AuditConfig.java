package org.casemgmt.adapter.audit;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.Clock;
import org.casemgmt.adapter.security.FhirAccessControl;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's listeners: the FHIR server's requests, the admin endpoints, and refusals at the door. */
@Configuration
@ConditionalOnProperty(name = "adapter.security.enabled", havingValue = "true", matchIfMissing = true)
class AuditConfig {

  @Bean
  FhirAudit fhirAudit(AuditTrail trail, FhirAccessControl access, Clock clock, RestfulServer fhirServer) {
    FhirAudit audit = new FhirAudit(trail, access, clock);
    fhirServer.registerInterceptor(audit);
    return audit;
  }

  /** With storage: deletes come from feeds and jobs too. */
  @Bean
  AuditNamesNotPins auditNamesNotPins() {
    return new AuditNamesNotPins();
  }

  @Bean
  AdminAudit adminAudit(AuditTrail trail, Clock clock) {
    return new AdminAudit(trail, clock);
  }

  /** Inside the security chain (which runs first), so the caller is known; only for admin and actuator paths. */
  @Bean
  FilterRegistrationBean<AdminAudit> adminAuditFilter(AdminAudit audit) {
    FilterRegistrationBean<AdminAudit> registration = new FilterRegistrationBean<>(audit);
    registration.setOrder(0);
    return registration;
  }
}
