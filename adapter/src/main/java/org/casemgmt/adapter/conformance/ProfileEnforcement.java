package org.casemgmt.adapter.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Map;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates every create and update, transaction entries included, before it is stored: resources that claim one of
 * the guide's profiles, and resources of a type with a required profile. A violation is refused with 422 and an
 * OperationOutcome naming each error and where it is; inside a transaction it rolls the whole Bundle back.
 */
@Interceptor
public class ProfileEnforcement {
  /**
   * Request user data marking writes of resources the adapter builds itself to a profile it claims (evidence derived
   * from claims), whose conformance its tests prove for every shape it builds: their claimed profiles are not checked
   * again on each write, which would cost most of a bulk derivation's time. Required profiles are still enforced.
   */
  public static final String BUILT_TO_PROFILE = "casemgmt.builtToProfile";
  private static final Logger log = LoggerFactory.getLogger(ProfileEnforcement.class);

  private final FhirContext fhirContext;
  private final ImplementationGuide guide;
  private final Map<String, String> requiredProfiles;

  ProfileEnforcement(FhirContext fhirContext, ImplementationGuide guide, Map<String, String> requiredProfiles) {
    this.fhirContext = fhirContext;
    this.guide = guide;
    this.requiredProfiles = requiredProfiles;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  void beforeCreate(IBaseResource resource, RequestDetails request) {
    enforce(resource, builtToProfile(request));
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    enforce(resource, builtToProfile(request));
  }

  private static boolean builtToProfile(RequestDetails request) {
    return request != null && Boolean.TRUE.equals(request.getUserData().get(BUILT_TO_PROFILE));
  }

  /**
   * Refuses a resource as a write would, without writing it. Feeds that record a batch in one transaction check
   * each resource first, so that one bad resource is refused alone instead of rolling the batch back.
   *
   * @throws UnprocessableEntityException with the OperationOutcome a write would get
   */
  public void check(IBaseResource resource) {
    enforce(resource, false);
  }

  void enforce(IBaseResource resource, boolean builtToProfile) {
    String type = fhirContext.getResourceType(resource);
    boolean claimsOurProfile = !builtToProfile && resource.getMeta().getProfile().stream()
        .anyMatch(profile -> profile.getValue().startsWith(ImplementationGuide.CANONICAL + "/"));
    String required = requiredProfiles.get(type);
    if (!claimsOurProfile && required == null) {
      return;
    }
    List<SingleValidationMessage> errors =
        required == null ? guide.errors(resource) : guide.errors(resource, required);
    if (!errors.isEmpty()) {
      log.info("Refused {} {}: {} profile error(s)", type, resource.getIdElement().getIdPart(), errors.size());
      throw new UnprocessableEntityException(fhirContext,
          new ValidationResult(fhirContext, errors).toOperationOutcome());
    }
  }
}
