package org.casemgmt.adapter.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.IValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;

/**
 * The validator HAPI's {@code $validate} runs (type and instance level, every mode): the guide's, with the profiles a
 * write of the resource is held to. So a resource that a write refuses gets the same errors from {@code $validate}:
 * those of base FHIR, of the profiles it claims, of its type's required profile, and of {@code profile=} if given.
 *
 * <p>It validates the resource as the server parsed it, as a write does, not the raw request body: an element the
 * parser drops (an unknown one) is then not reported, exactly as it is not refused on a write. Unlike a write,
 * {@code $validate} also checks resources that claim no profile of the guide, against base FHIR, and reports warnings.
 */
final class GuideInstanceValidator implements IInstanceValidatorModule {
  private final FhirContext fhirContext;
  private final ImplementationGuide guide;
  private final Map<String, String> requiredProfiles;

  GuideInstanceValidator(FhirContext fhirContext, ImplementationGuide guide, Map<String, String> requiredProfiles) {
    this.fhirContext = fhirContext;
    this.guide = guide;
    this.requiredProfiles = requiredProfiles;
  }

  @Override
  public void validateResource(IValidationContext<IBaseResource> context) {
    IBaseResource resource = resourceToValidate(context.getResource());
    List<String> profiles = new ArrayList<>(context.getOptions().getProfiles());
    String required = requiredProfiles.get(fhirContext.getResourceType(resource));
    if (required != null && !profiles.contains(required)) {
      profiles.add(required);
    }
    guide.validate(resource, profiles).getMessages().forEach(context::addValidationMessage);
  }

  /**
   * HAPI hands over the request body as it came, which for the Parameters form of {@code $validate} is the
   * Parameters resource: the resource to validate is its {@code resource} parameter.
   */
  private static IBaseResource resourceToValidate(IBaseResource body) {
    if (body instanceof Parameters parameters && parameters.getParameter("resource") != null
        && parameters.getParameter("resource").hasResource()) {
      return parameters.getParameter("resource").getResource();
    }
    return body;
  }
}
