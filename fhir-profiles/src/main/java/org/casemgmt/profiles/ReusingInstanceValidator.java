package org.casemgmt.profiles;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.json.model.JsonArray;
import org.hl7.fhir.utilities.json.model.JsonElement;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.parser.JsonParser;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * HAPI's {@link FhirInstanceValidator} with two changes: the core {@link InstanceValidator} that does the work is
 * reused for up to {@value #USES_PER_VALIDATOR} validations instead of being built for every one, and it is given the
 * resource as a parsed JSON object rather than a stream (see {@link #parsed}).
 *
 * <p>Why: HAPI 8.8's package-private {@code ValidatorWrapper} builds a new InstanceValidator (org.hl7.fhir.validation
 * 6.7.9) per call, and that constructor parses the 21,000-line OID registry ({@code oidregistry.csv}, 1.5 MB, in
 * {@code new OIDUtilities()}) and builds a FHIRPath engine: two thirds of the time of validating one of our examples.
 * The registry is only consulted when a resource fetcher is configured, which HAPI's default (and ours) is not.
 * org.hl7.fhir.* up to 7.0.5 still parses it per instance, so a newer core does not help; shadowing the CSV on the
 * classpath would change what a configured fetcher accepts. Building fewer validators is the fix that keeps the
 * validation itself HAPI's.
 *
 * <p>Why it stays exactly as strict: this is {@code ValidatorWrapper.validate} (HAPI 8.8.0) with the validator taken
 * from a pool and configured with the same settings before each use. {@link InstanceValidator#validate} clears its
 * per-validation state first (fetch cache, resource trackers, tracked and removed messages, execution id); what it
 * keeps from earlier validations is caches of resolved profiles (the same for the same URL, since the guide does not
 * change), once-per-validator hints about depending on deprecated/retired definitions (hints, never errors) and lists
 * that only feed features we leave off (AI text checks, IPS SNOMED checks) but grow with every validation. That growth
 * is why a validator is replaced after {@value #USES_PER_VALIDATOR} uses: the OID table is then parsed once per
 * {@value #USES_PER_VALIDATOR} validations and no validator holds more than that many resources. A validator that
 * threw is dropped. XML input (only when HAPI kept a raw XML request body) takes HAPI's own path unchanged. Re-check
 * this against {@code ValidatorWrapper} when upgrading HAPI; delete the class once HAPI or the core caches the table.
 *
 * <p>InstanceValidator is not thread-safe; each is used by one thread at a time. Idle ones wait in a pool of at most
 * {@code poolSize} (each holds its own OID table; the whole pool adds about 15 MiB of heap in bench/); beyond that, concurrent validations build their own.
 */
final class ReusingInstanceValidator extends FhirInstanceValidator {
  static final int USES_PER_VALIDATOR = 100;

  private final BlockingQueue<Pooled> idle;

  ReusingInstanceValidator(IValidationSupport validationSupport, int poolSize) {
    super(validationSupport);
    idle = new ArrayBlockingQueue<>(poolSize);
  }

  private static final class Pooled {
    final InstanceValidator validator;
    final WorkerContextValidationSupportAdapter workerContext;
    int uses;

    Pooled(InstanceValidator validator, WorkerContextValidationSupportAdapter workerContext) {
      this.validator = validator;
      this.workerContext = workerContext;
    }
  }

  @Override
  protected List<ValidationMessage> validate(IValidationContext<?> validationContext) {
    if (validationContext.getResourceAsStringEncoding() != EncodingEnum.JSON) {
      return super.validate(validationContext);
    }
    WorkerContextValidationSupportAdapter workerContext = provideWorkerContext();
    Pooled pooled = idle.poll();
    if (pooled == null || pooled.workerContext != workerContext) {
      pooled = new Pooled(newInstanceValidator(workerContext), workerContext);
    }
    List<ValidationMessage> messages = validateJson(pooled.validator, workerContext, validationContext);
    if (++pooled.uses < USES_PER_VALIDATOR) {
      idle.offer(pooled);
    }
    return messages;
  }

  @Override
  public void invalidateCaches() {
    super.invalidateCaches();
    idle.clear();
  }

  /** As {@code ValidatorWrapper.buildInstanceValidator}. */
  private InstanceValidator newInstanceValidator(WorkerContextValidationSupportAdapter workerContext) {
    return new InstanceValidator(workerContext,
        Objects.requireNonNullElseGet(getHostApplicationServices(), NullEvaluationContext::new),
        new XVerExtensionManagerOld(workerContext), new ValidatorSession(), new ValidatorSettings());
  }

  /**
   * As {@code ValidatorWrapper.validate} for JSON, on a validator that may have been used before, with the resource
   * read as the core's stream entry point reads it.
   */
  private List<ValidationMessage> validateJson(InstanceValidator v, WorkerContextValidationSupportAdapter workerContext,
      IValidationContext<?> validationContext) {
    v.setAssumeValidRestReferences(isAssumeValidRestReferences());
    v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
    v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
    v.setResourceIdRule(IdStatus.OPTIONAL);
    v.setNoTerminologyChecks(isNoTerminologyChecks());
    v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
    v.setUnknownCodeSystemsCauseErrors(true);
    v.getExtensionDomains().clear();
    v.getExtensionDomains().addAll(getExtensionDomains());
    v.setFetcher(getValidatorResourceFetcher());
    v.setPolicyAdvisor(getValidatorPolicyAdvisor());
    v.setNoExtensibleWarnings(isNoExtensibleWarnings());
    v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
    v.setAllowExamples(isAllowExamples());
    v.setAllowXsiLocation(true);

    List<StructureDefinition> profiles = new ArrayList<>();
    List<ValidationMessage> invalidProfileMessages = new ArrayList<>();
    for (String url : validationContext.getOptions().getProfiles()) {
      fetchAndAddProfile(workerContext, profiles, url, invalidProfileMessages);
    }
    String input = validationContext.getResourceAsString();
    JsonObject resource = parsed(input);
    JsonObject meta = resource == null ? null : resource.getJsonObject("meta");
    if (meta != null && meta.get("profile") instanceof JsonArray declared) {
      for (JsonElement url : declared) {
        fetchAndAddProfile(workerContext, profiles, url.asString(), invalidProfileMessages);
      }
    }

    List<ValidationMessage> messages = new ArrayList<>();
    Object appContext = validationContext.getOptions().getAppContext();
    if (resource != null) {
      v.validate(appContext, messages, resource, profiles);
    } else {
      // Not JSON after all: the stream entry point reports why, as a fatal message.
      v.validate(appContext, messages, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
          FhirFormat.JSON, profiles);
    }
    if (profiles.isEmpty()) {
      messages.addAll(invalidProfileMessages);
    }
    messages.removeIf(m -> m.getMessageId() != null
        && (m.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
            || (m.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"))));
    for (ValidationMessage m : messages) {
      if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(m.getMessageId())
          || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(m.getMessageId())) {
        m.setLevel(isErrorForUnknownProfiles()
            ? ValidationMessage.IssueSeverity.ERROR : ValidationMessage.IssueSeverity.WARNING);
      }
    }
    return messages;
  }

  /**
   * The resource as the core's JSON parser reads it when it validates a stream ({@code elementmodel.JsonParser.parse},
   * policy EVERYTHING), or null if it is not JSON. Validating this object rather than the stream uses the validator's
   * own FHIRPath engine; the stream entry point builds a parser with two new FHIRPath engines for every resource
   * (10% of validating one, JFR of the ADT feed).
   */
  private static JsonObject parsed(String input) {
    try {
      return JsonParser.parseObject(input, true, true, 0);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** As {@code ValidatorWrapper.fetchAndAddProfile}. */
  private static void fetchAndAddProfile(WorkerContextValidationSupportAdapter workerContext,
      List<StructureDefinition> profiles, String url, List<ValidationMessage> invalidProfileMessages) {
    try {
      StructureDefinition profile = workerContext.fetchResource(StructureDefinition.class, url);
      if (profile != null) {
        profiles.add(profile);
      } else {
        ValidationMessage m = new ValidationMessage();
        m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
        m.setLevel(ValidationMessage.IssueSeverity.ERROR);
        m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
        invalidProfileMessages.add(m);
      }
    } catch (FHIRException e) {
      // ValidatorWrapper ignores profiles that fail to load, too (it logs them at debug level).
    }
  }
}
