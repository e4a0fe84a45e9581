package org.casemgmt.adapter.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement says how to get a token: {@code rest.security} with the SMART-on-FHIR service and the
 * token and authorization endpoints (SMART App Launch's oauth-uris extension).
 */
@Interceptor
class SmartCapabilities {
  private final SecurityProperties properties;

  SmartCapabilities(SecurityProperties properties) {
    this.properties = properties;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  void describeSecurity(IBaseConformance statement, RequestDetails request) {
    if (!(statement instanceof CapabilityStatement capabilities)) {
      return;
    }
    String base = request.getFhirServerBase().replaceFirst("/fhir/?$", "");
    String issuer = properties.issuer(base);
    String token = properties.tokenEndpoint(base);
    String authorize = properties.authorizationEndpoint(base);
    for (CapabilityStatement.CapabilityStatementRestComponent rest : capabilities.getRest()) {
      CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
      security.setCors(!properties.corsAllowedOrigins().isEmpty());
      security.addService(new CodeableConcept(new Coding(
          "http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")));
      security.setDescription("OAuth 2.0 bearer tokens with SMART App Launch scopes, issued by " + issuer
          + "; see /.well-known/smart-configuration");
      Extension uris = security.addExtension()
          .setUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
      uris.addExtension("token", new UriType(token));
      if (authorize != null && !authorize.isBlank()) {
        uris.addExtension("authorize", new UriType(authorize));
      }
    }
  }
}
