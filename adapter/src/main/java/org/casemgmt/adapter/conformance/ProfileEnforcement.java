package org.casemgmt.adapter.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casemgmt.adapter.storage.WritePipeline;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates every create and update, transaction entries included, before it is stored: resources that claim one of
 * the guide's profiles, and resources of a type with a required profile. A violation is refused with 422 and an
 * OperationOutcome naming each error and where it is. A transaction is checked whole before any entry is written, so
 * its refusal names the errors of every entry ({@code Bundle.entry[n].resource...}), not only the first entry's.
 */
@Interceptor
public class ProfileEnforcement implements WritePipeline.Step {
  /**
   * Request user data marking writes of resources the adapter builds itself to a profile it claims (evidence derived
   * from claims), whose conformance its tests prove for every shape it builds: their claimed profiles are not checked
   * again on each write, which would cost most of a bulk derivation's time. Required profiles are still enforced.
   */
  public static final String BUILT_TO_PROFILE = "casemgmt.builtToProfile";
  private static final Logger log = LoggerFactory.getLogger(ProfileEnforcement.class);
  /** Request user data: the resources marked {@link #builtWhole} or {@link #checkedBefore}. */
  private static final String KNOWN_VALID = "casemgmt.knownValid";
  /** Request user data: the entries of the transaction under way that were checked before it started. */
  private static final String CHECKED_ENTRIES = "casemgmt.checkedEntries";

  private final FhirContext fhirContext;
  private final ImplementationGuide guide;
  private final Map<String, String> requiredProfiles;

  ProfileEnforcement(FhirContext fhirContext, ImplementationGuide guide, Map<String, String> requiredProfiles) {
    this.fhirContext = fhirContext;
    this.guide = guide;
    this.requiredProfiles = requiredProfiles;
  }

  /**
   * Marks a new resource the service built whole, with nothing stored or sent in it but the values it put there
   * itself, to its type's required profile, as a test proves for every shape it builds (a new client from a member's
   * enrollment): neither required nor claimed profiles are checked again on this request's write. Validating each new
   * client of an enrollment file took 44% of its recording time.
   */
  public static void builtWhole(RequestDetails request, IBaseResource resource) {
    knownValid(request, resource);
  }

  /**
   * Marks a resource a feed has checked with {@link #check} and not changed since (a client an EHR sent): its write on
   * this request is not checked again.
   */
  public static void checkedBefore(RequestDetails request, IBaseResource resource) {
    knownValid(request, resource);
  }

  private static void knownValid(RequestDetails request, IBaseResource resource) {
    @SuppressWarnings("unchecked")
    Set<IBaseResource> valid = (Set<IBaseResource>) request.getUserData()
        .computeIfAbsent(KNOWN_VALID, key -> Collections.newSetFromMap(new IdentityHashMap<>()));
    valid.add(resource);
  }

  private static boolean isKnownValid(RequestDetails request, IBaseResource resource) {
    return request != null && request.getUserData().get(KNOWN_VALID) instanceof Set<?> valid
        && valid.contains(resource);
  }

  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  void beforeTransaction(IBaseBundle bundle, RequestDetails request) {
    if (!(bundle instanceof Bundle transaction) || transaction.getType() != Bundle.BundleType.TRANSACTION) {
      return;
    }
    boolean builtToProfile = builtToProfile(request);
    Set<IBaseResource> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    List<SingleValidationMessage> errors = new ArrayList<>();
    for (int index = 0; index < transaction.getEntry().size(); index++) {
      Bundle.BundleEntryComponent entry = transaction.getEntry().get(index);
      Bundle.HTTPVerb method = entry.getRequest().getMethod();
      if (entry.getResource() != null && (method == Bundle.HTTPVerb.POST || method == Bundle.HTTPVerb.PUT)) {
        if (!isKnownValid(request, entry.getResource())) {
          for (SingleValidationMessage error : errors(entry.getResource(), builtToProfile)) {
            errors.add(inEntry(error, index));
          }
        }
        checked.add(entry.getResource());
      }
    }
    refuseIfAny(errors, "Transaction", transaction.getEntry().size());
    // The same objects reach the pre-storage hooks below: checked once is enough.
    request.getUserData().put(CHECKED_ENTRIES, checked);
  }

  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
  void afterTransaction(RequestDetails request) {
    request.getUserData().remove(CHECKED_ENTRIES);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = WritePipeline.PROFILES)
  void beforeCreate(IBaseResource resource, RequestDetails request) {
    enforceUnlessChecked(resource, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = WritePipeline.PROFILES)
  void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    enforceUnlessChecked(resource, request);
  }

  private void enforceUnlessChecked(IBaseResource resource, RequestDetails request) {
    if (request != null && request.getUserData().get(CHECKED_ENTRIES) instanceof Set<?> checked
        && checked.contains(resource) || isKnownValid(request, resource)) {
      return;
    }
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
    refuseIfAny(errors(resource, builtToProfile), fhirContext.getResourceType(resource), 1);
  }

  private List<SingleValidationMessage> errors(IBaseResource resource, boolean builtToProfile) {
    boolean claimsOurProfile = !builtToProfile && resource.getMeta().getProfile().stream()
        .anyMatch(profile -> profile.getValue().startsWith(ImplementationGuide.CANONICAL + "/"));
    String required = requiredProfiles.get(fhirContext.getResourceType(resource));
    if (!claimsOurProfile && required == null) {
      return List.of();
    }
    return required == null ? guide.errors(resource) : guide.errors(resource, required);
  }

  private void refuseIfAny(List<SingleValidationMessage> errors, String what, int resources) {
    if (!errors.isEmpty()) {
      log.info("Refused {} of {} resource(s): {} profile error(s)", what, resources, errors.size());
      throw new UnprocessableEntityException(fhirContext,
          new ValidationResult(fhirContext, errors).toOperationOutcome());
    }
  }

  /**
   * The validator locates an error in the resource ({@code Patient.name[0]}, line and column of its re-encoding); a
   * client needs the entry, and the lines of a text it never sent would mislead.
   */
  private static SingleValidationMessage inEntry(SingleValidationMessage error, int index) {
    String location = error.getLocationString() == null ? "" : error.getLocationString();
    error.setLocationString("Bundle.entry[" + index + "].resource" + location.replaceFirst("^[A-Za-z]+", ""));
    error.setLocationLine(null);
    error.setLocationCol(null);
    return error;
  }
}
