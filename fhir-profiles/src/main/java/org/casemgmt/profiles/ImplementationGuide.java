package org.casemgmt.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The case-management implementation guide as the validator sees it: FHIR R4 core, this project's package
 * ({@value #PACKAGE_ON_CLASSPATH}) and the terminology that can be checked without a terminology server.
 * Building the chain loads and snapshots every profile, so build it once and share it: its caches are what keep
 * validation from dominating write time.
 */
public final class ImplementationGuide {
  public static final String CANONICAL = "https://fhir.casemgmt-adapter.org";
  public static final String PACKAGE_ON_CLASSPATH = "classpath:/fhir/casemgmt-ig.tgz";

  private final NpmPackageValidationSupport profiles;
  private final IValidationSupport validationSupport;

  public ImplementationGuide(FhirContext fhirContext) {
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
        new SnapshotGeneratingValidationSupport(fhirContext));
  }

  /** The canonical URLs of the profiles this guide defines. */
  public Set<String> profileUrls() {
    return profiles.<StructureDefinition>fetchAllStructureDefinitions().stream()
        .map(StructureDefinition::getUrl)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  public IValidationSupport validationSupport() {
    return validationSupport;
  }

  /** A validator that checks resources against base FHIR and every profile they declare in meta.profile. */
  public FhirValidator newValidator() {
    FhirValidator validator = validationSupport.getFhirContext().newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(validationSupport));
    return validator;
  }
}
