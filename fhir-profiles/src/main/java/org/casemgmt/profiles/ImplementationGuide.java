package org.casemgmt.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * The case-management implementation guide as the validator sees it: FHIR R4 core, this project's package
 * ({@value #PACKAGE_ON_CLASSPATH}) and the terminology that can be checked without a terminology server.
 * Building the chain loads and snapshots every profile, so build it once and share it: its caches are what keep
 * validation from dominating write time.
 */
public final class ImplementationGuide {
  public static final String CANONICAL = "https://fhir.casemgmt-adapter.org";
  public static final String PACKAGE_ON_CLASSPATH = "classpath:/fhir/casemgmt-ig.tgz";

  private final FhirContext fhirContext;
  private final NpmPackageValidationSupport profiles;
  private final IValidationSupport validationSupport;
  private final FhirValidator validator;

  public ImplementationGuide(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
    profiles = new NpmPackageValidationSupport(fhirContext);
    try {
      profiles.loadPackageFromClasspath(PACKAGE_ON_CLASSPATH);
    } catch (IOException e) {
      throw new UncheckedIOException("The implementation guide package is missing from the classpath", e);
    }
    validationSupport = new ValidationSupportChain(
        ValidationSupportChain.CacheConfiguration.defaultValues(),
        new DefaultProfileValidationSupport(fhirContext),
        profiles,
        new CommonCodeSystemsTerminologyService(fhirContext),
        new InMemoryTerminologyServerValidationSupport(fhirContext),
        new SnapshotGeneratingValidationSupport(fhirContext),
        unknownCodeSystemsAreWarnings(fhirContext));
    validator = fhirContext.newValidator();
    // HAPI's FhirInstanceValidator minus the rebuild of the core validator on every call (see the class).
    validator.registerValidatorModule(
        new ReusingInstanceValidator(validationSupport, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Code systems such as NUBC, SOPT or HCPCS cannot be loaded here, so a code from them can only be checked against
   * the value sets that enumerate it; that the system itself is unknown is a warning, not a reason to refuse data.
   */
  private static IValidationSupport unknownCodeSystemsAreWarnings(FhirContext fhirContext) {
    UnknownCodeSystemWarningValidationSupport support = new UnknownCodeSystemWarningValidationSupport(fhirContext);
    support.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    return support;
  }

  /** The canonical URLs of the resource profiles this guide defines (not its extensions). */
  public Set<String> profileUrls() {
    return profiles.<StructureDefinition>fetchAllStructureDefinitions().stream()
        .filter(definition -> definition.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE)
        .map(StructureDefinition::getUrl)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The search parameters this guide defines, for the searches base R4 lacks. */
  public List<SearchParameter> searchParameters() {
    return profiles.<SearchParameter>fetchAllSearchParameters().stream().map(SearchParameter::copy).toList();
  }

  /**
   * One of this guide's value sets by canonical URL, as published (not expanded); empty when the guide has none by
   * that URL. A copy: the validator's own stays as it is whatever the caller does with it.
   */
  public Optional<ValueSet> valueSet(String canonicalUrl) {
    return Optional.ofNullable((ValueSet) profiles.fetchValueSet(canonicalUrl)).map(ValueSet::copy);
  }

  /**
   * One of this guide's value sets expanded from what the guide and FHIR R4 define, in memory; empty when the guide
   * has none by that URL.
   *
   * @throws IllegalArgumentException saying why, when the value set needs a code system that cannot be loaded here
   *     (ICD-10-CM by hierarchy, say)
   */
  public Optional<ValueSet> expansion(String canonicalUrl) {
    if (profiles.fetchValueSet(canonicalUrl) == null) {
      return Optional.empty();
    }
    IValidationSupport.ValueSetExpansionOutcome outcome = validationSupport.expandValueSet(
        new ValidationSupportContext(validationSupport), new ValueSetExpansionOptions(), canonicalUrl);
    if (outcome == null || outcome.getValueSet() == null) {
      throw new IllegalArgumentException("The value set " + canonicalUrl + " cannot be expanded here"
          + (outcome == null || outcome.getError() == null ? "" : ": " + outcome.getError()));
    }
    return Optional.of((ValueSet) outcome.getValueSet());
  }

  /**
   * Whether a code is in one of this guide's value sets, judged as a write's validation judges it; empty when the
   * guide has no value set by that URL.
   *
   * @return the outcome: {@code isOk()} when the code is in the set, otherwise a message saying why not
   */
  public Optional<IValidationSupport.CodeValidationResult> validateCode(String valueSetUrl, String system,
      String code, String display) {
    if (profiles.fetchValueSet(valueSetUrl) == null) {
      return Optional.empty();
    }
    IValidationSupport.CodeValidationResult result = validationSupport.validateCode(
        new ValidationSupportContext(validationSupport), new ConceptValidationOptions(), system, code, display,
        valueSetUrl);
    return Optional.of(result != null ? result : new IValidationSupport.CodeValidationResult()
        .setSeverity(IValidationSupport.IssueSeverity.ERROR)
        .setMessage("The code " + system + "#" + code + " cannot be checked against " + valueSetUrl + " here"));
  }

  /**
   * The guide's questionnaires (the assessment forms) by canonical URL, as published. The validation support keeps
   * only conformance resources, so they are read from the package itself; copies, read on each call.
   */
  public Map<String, Questionnaire> questionnaires() {
    Map<String, Questionnaire> byUrl = new LinkedHashMap<>();
    publishedResources().stream().filter(Questionnaire.class::isInstance).map(Questionnaire.class::cast)
        .forEach(questionnaire -> byUrl.put(questionnaire.getUrl(), questionnaire));
    return byUrl;
  }

  /**
   * Every resource the package publishes (its root folder: profiles, extensions, value sets, code systems, search
   * parameters, questionnaires and the ImplementationGuide resource itself; not the examples), as published. Read
   * from the package on each call.
   */
  public List<Resource> publishedResources() {
    try (InputStream tarball = ImplementationGuide.class.getResourceAsStream(
        PACKAGE_ON_CLASSPATH.substring("classpath:".length()))) {
      NpmPackage npm = NpmPackage.fromPackage(tarball);
      List<Resource> resources = new ArrayList<>();
      for (String file : npm.list("package")) {
        if (file.endsWith(".json") && !file.equals("package.json") && !file.startsWith(".")) {
          try (InputStream json = npm.load("package", file)) {
            resources.add((Resource) fhirContext.newJsonParser().parseResource(json));
          }
        }
      }
      return resources;
    } catch (IOException e) {
      throw new UncheckedIOException("The implementation guide package cannot be read", e);
    }
  }

  /** The canonical URL of the guide's ImplementationGuide resource. */
  public String implementationGuideUrl() {
    return publishedResources().stream().filter(org.hl7.fhir.r4.model.ImplementationGuide.class::isInstance)
        .map(ig -> ((org.hl7.fhir.r4.model.ImplementationGuide) ig).getUrl()).findFirst()
        .orElseThrow(() -> new IllegalStateException("The package has no ImplementationGuide resource"));
  }

  /** The canonical URL of the guide's CapabilityStatement of what a server of the guide supports. */
  public String serverCapabilitiesUrl() {
    return publishedResources().stream().filter(CapabilityStatement.class::isInstance).map(CapabilityStatement.class::cast)
        .filter(statement -> statement.getRestFirstRep().getMode() == CapabilityStatement.RestfulCapabilityMode.SERVER)
        .map(CapabilityStatement::getUrl).findFirst()
        .orElseThrow(() -> new IllegalStateException("The package has no server CapabilityStatement"));
  }

  /** The guide's resource profiles by the resource type they constrain. */
  public Map<String, Set<String>> profilesByType() {
    Map<String, Set<String>> byType = new TreeMap<>();
    profiles.<StructureDefinition>fetchAllStructureDefinitions().stream()
        .filter(definition -> definition.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE)
        .forEach(definition ->
            byType.computeIfAbsent(definition.getType(), type -> new TreeSet<>()).add(definition.getUrl()));
    return byType;
  }

  /** The chain the validator resolves profiles, value sets and code systems with. */
  IValidationSupport validationSupport() {
    return validationSupport;
  }

  /**
   * The errors (and fatal errors) of a resource against base FHIR, every profile it declares in meta.profile, and
   * the given profiles; warnings and information are left out. Empty means conformant.
   */
  public List<SingleValidationMessage> errors(IBaseResource resource, String... requiredProfiles) {
    return validate(resource, List.of(requiredProfiles)).getMessages().stream()
        .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .toList();
  }

  /**
   * Every message (information to fatal) of validating a resource against base FHIR, every profile it declares in
   * meta.profile, and the given profiles: what {@link #errors} filters.
   */
  public ValidationResult validate(IBaseResource resource, Collection<String> profiles) {
    ValidationOptions options = new ValidationOptions();
    profiles.forEach(options::addProfile);
    return validator.validateWithResult(resource, options);
  }
}
