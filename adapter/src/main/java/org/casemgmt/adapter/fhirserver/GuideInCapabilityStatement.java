package org.casemgmt.adapter.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Map;
import java.util.Set;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CanonicalType;

/**
 * Names the implementation guide in the CapabilityStatement ({@code implementationGuide}), the guide's statement of
 * what its servers support ({@code instantiates}) and, per resource type, the guide's profiles a client may send
 * ({@code supportedProfile}). Taken from the guide itself, not from what is stored,
 * so the statement is right from the first request.
 */
@Interceptor
class GuideInCapabilityStatement {
  private final String guideUrl;
  private final String guideCapabilitiesUrl;
  private final Map<String, Set<String>> profilesByType;

  GuideInCapabilityStatement(ImplementationGuide guide) {
    this.guideUrl = guide.implementationGuideUrl();
    this.guideCapabilitiesUrl = guide.serverCapabilitiesUrl();
    this.profilesByType = guide.profilesByType();
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  void addGuide(IBaseConformance generated) {
    CapabilityStatement statement = (CapabilityStatement) generated;
    if (statement.getImplementationGuide().stream().noneMatch(url -> guideUrl.equals(url.getValue()))) {
      statement.addImplementationGuide(guideUrl);
    }
    if (statement.getInstantiates().stream().noneMatch(url -> guideCapabilitiesUrl.equals(url.getValue()))) {
      statement.addInstantiates(guideCapabilitiesUrl);
    }
    for (CapabilityStatementRestResourceComponent resource : statement.getRestFirstRep().getResource()) {
      for (String profile : profilesByType.getOrDefault(resource.getType(), Set.of())) {
        if (resource.getSupportedProfile().stream().map(CanonicalType::getValue).noneMatch(profile::equals)) {
          resource.addSupportedProfile(profile);
        }
      }
    }
  }
}
