package org.casemgmt.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetFilterComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guide's code systems and value sets: named after their canonical, local code systems complete and matched by
 * their all-codes value sets, licensed codes without descriptors, and the external code lists admitting what the
 * evidence rules expect of them.
 */
class TerminologyTest {
  private static final Path PACKAGE = Path.of("src/main/fhir/package");
  private static final String CS = ImplementationGuide.CANONICAL + "/CodeSystem/";
  private static final String VS = ImplementationGuide.CANONICAL + "/ValueSet/";
  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String TOB = "https://www.nubc.org/CodeSystem/TypeOfBill";
  private static final String REV = "https://www.nubc.org/CodeSystem/RevenueCodes";
  private static final String POS =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
  private static final String DRG = "https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/"
      + "MS-DRG-Classifications-and-Software";
  private static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  private static final String CPT = "http://www.ama-assn.org/go/cpt";
  private static final String SOPT = "https://nahdo.org/sopt";
  /** Code systems whose descriptors are licensed: their codes may appear, their displays may not. */
  private static final List<String> LICENSED = List.of("https://www.nubc.org/", "http://www.ama-assn.org/go/cpt");

  private static ImplementationGuide guide;
  private static Map<String, CodeSystem> codeSystems;
  private static Map<String, ValueSet> valueSets;

  @BeforeAll
  static void load() throws IOException {
    guide = new ImplementationGuide(FhirContext.forR4Cached());
    codeSystems = files("CodeSystem").map(TerminologyTest::parse).map(CodeSystem.class::cast)
        .collect(Collectors.toMap(CodeSystem::getUrl, Function.identity()));
    valueSets = files("ValueSet").map(TerminologyTest::parse).map(ValueSet.class::cast)
        .collect(Collectors.toMap(ValueSet::getUrl, Function.identity()));
  }

  /** The local code systems and the codes other modules rely on; true where an all-codes value set goes with it. */
  static Stream<Arguments> localCodeSystems() {
    return Stream.of(
        arguments("case-management", false, List.of("isp", "eligibility-determination", "eligibility",
            "impairment-evidence", "case-manager", "screening", "reassessment", "client-approval",
            "enrollment-outcome", "psych-inpatient-episodes-before-enrollment",
            "psych-inpatient-episodes-during-enrollment", "psych-ed-visits-before-enrollment",
            "psych-ed-visits-during-enrollment", "crisis-episodes-before-enrollment", "crisis-episodes-during-enrollment",
            "denied-claims")),
        arguments("encounter-kind", true, List.of("psychiatric-inpatient", "psychiatric-emergency",
            "state-psychiatric-hospital", "crisis-service", "mental-health-outpatient", "medical-inpatient",
            "medical-emergency")),
        arguments("cm-model", true, List.of("brokerage", "clinical", "strengths", "rehabilitation", "icm", "act")),
        arguments("referral-type", true, List.of("housing", "vocational-training", "employment", "benefits",
            "benefits-snap", "benefits-ssi", "benefits-ssdi", "benefits-medicaid", "psychiatric-care", "primary-care",
            "substance-use-treatment", "crisis-services", "transportation", "childcare", "food", "case-management")),
        arguments("referral-source", true, List.of("pcp", "therapist", "cmhc", "hospital-discharge-planning",
            "ed-crisis", "va", "criminal-justice", "shelter-outreach", "mco-care-management", "self", "family")),
        arguments("evidence-kind", true, List.of("psych-inpatient-episodes", "crisis-episodes", "psych-ed-visits",
            "state-hospital-admission", "housing-instability", "unemployment", "functional-assessment-score",
            "phq9-severity", "qualifying-diagnosis")),
        arguments("eligibility-criterion", true, List.of("diagnosis", "functional-impairment", "residency", "payer",
            "age", "treatment-history")),
        arguments("criterion-result", true, List.of("met", "not-met", "unknown")),
        arguments("determination-outcome", true, List.of("eligible", "not-eligible", "insufficient-information")),
        arguments("discharge-reason", true, List.of("goals-met", "transferred", "moved-out-of-area", "declined",
            "withdrew", "lost-to-contact", "incarcerated", "deceased", "no-longer-eligible")),
        arguments("workflow-rule", true, List.of("isp-activation-requires-client-approval",
            "isp-activation-requires-measurable-goals", "case-manager-assignment-requires-approved-isp",
            "enrollment-names-program-and-model", "enrollment-requires-eligibility", "task-status-transition",
            "task-closed-with-outcome", "assessment-response-valid", "assessment-response-complete",
            "discharge-requires-reason")));
  }

  @ParameterizedTest(name = "CodeSystem {0}")
  @MethodSource("localCodeSystems")
  void everyLocalCodeSystemIsCompleteAndDefinesItsCodes(String id, boolean hasValueSet, List<String> codes) {
    CodeSystem codeSystem = codeSystems.get(CS + id);
    assertThat(codeSystem).as(CS + id).isNotNull();
    assertThat(codeSystem.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
    assertThat(codeSystem.getCaseSensitive()).isTrue();
    List<ConceptDefinitionComponent> concepts = flatten(codeSystem.getConcept()).toList();
    assertThat(concepts).extracting(ConceptDefinitionComponent::getCode).containsExactlyInAnyOrderElementsOf(codes);
    assertThat(concepts).allSatisfy(concept -> {
      assertThat(concept.getCode()).as("local codes are lower-case and hyphenated").matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(concept.getDisplay()).as(concept.getCode()).isNotBlank();
      assertThat(concept.getDefinition()).as(concept.getCode()).isNotBlank();
    });
    if (hasValueSet) {
      assertThat(codeSystem.getValueSet()).isEqualTo(VS + id);
      assertThat(valueSets).containsKey(VS + id);
    } else {
      assertThat(codeSystem.hasValueSet()).isFalse();
    }
  }

  @Test
  void codesAreUniqueWithinEveryCodeSystem() {
    assertThat(codeSystems.values()).isNotEmpty().allSatisfy(codeSystem -> {
      List<String> codes = flatten(codeSystem.getConcept()).map(ConceptDefinitionComponent::getCode).toList();
      assertThat(codes).as(codeSystem.getUrl()).doesNotHaveDuplicates();
    });
  }

  /** A value set over a local code system takes all of it, or lists exactly its codes: it never silently drops one. */
  @Test
  void everyLocalValueSetIncludesExactlyItsCodeSystemsCodes() {
    List<ValueSet> local = valueSets.values().stream()
        .filter(vs -> vs.getCompose().getInclude().stream().anyMatch(include -> include.getSystem() != null
            && include.getSystem().startsWith(CS)))
        .toList();
    assertThat(local).hasSizeGreaterThanOrEqualTo(8).allSatisfy(valueSet -> {
      assertThat(valueSet.getCompose().getExclude()).isEmpty();
      assertThat(valueSet.getCompose().getInclude()).singleElement().satisfies(include -> {
        assertThat(include.getSystem()).isEqualTo(CS + valueSet.getIdElement().getIdPart());
        CodeSystem codeSystem = codeSystems.get(include.getSystem());
        assertThat(codeSystem).as(include.getSystem()).isNotNull();
        assertThat(include.getFilter()).isEmpty();
        assertThat(include.getValueSet()).isEmpty();
        if (include.hasConcept()) {
          assertThat(include.getConcept()).extracting(ConceptReferenceComponent::getCode)
              .containsExactlyInAnyOrderElementsOf(
                  flatten(codeSystem.getConcept()).map(ConceptDefinitionComponent::getCode).toList());
        }
      });
    });
  }

  /** The claims evidence rules read their code lists from the guide's value sets, found by canonical URL. */
  @Test
  void valueSetsAreFoundByCanonicalUrlAsPublished() {
    ValueSet crisis = guide.valueSet(VS + "crisis-services").orElseThrow();
    assertThat(crisis.getCompose().getInclude()).extracting(ConceptSetComponent::getSystem)
        .containsExactly(HCPCS, POS, REV);
    crisis.getCompose().getInclude().clear();

    assertThat(guide.valueSet(VS + "crisis-services").orElseThrow().getCompose().getInclude())
        .as("a copy: the guide's own is unchanged").hasSize(3);
    assertThat(guide.valueSet(VS + "no-such-value-set")).isEmpty();
  }

  static Stream<Path> terminologyFiles() throws IOException {
    return Stream.concat(files("CodeSystem"), files("ValueSet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("terminologyFiles")
  void everyResourceIsNamedAfterItsCanonicalAndVersionedWithThePackage(Path file) throws IOException {
    MetadataResource resource = parse(file);
    String type = resource.fhirType();
    String id = resource.getIdElement().getIdPart();
    assertThat(file.getFileName().toString()).isEqualTo(type + "-" + id + ".json");
    assertThat(resource.getUrl()).isEqualTo(ImplementationGuide.CANONICAL + "/" + type + "/" + id);
    String packageVersion = new ObjectMapper().readTree(PACKAGE.resolve("package.json").toFile()).get("version")
        .asText();
    assertThat(resource.getVersion()).isEqualTo(packageVersion);
    assertThat(resource.getName()).matches("[A-Z][A-Za-z0-9]*");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("terminologyFiles")
  void everyResourceValidatesWithoutErrors(Path file) {
    assertThat(guide.errors(parse(file))).isEmpty();
  }

  @Test
  void licensedCodesCarryNoDescriptors() {
    List<ConceptSetComponent> licensed = valueSets.values().stream()
        .flatMap(vs -> Stream.concat(vs.getCompose().getInclude().stream(), vs.getCompose().getExclude().stream()))
        .filter(include -> include.getSystem() != null && LICENSED.stream().anyMatch(include.getSystem()::startsWith))
        .toList();
    assertThat(licensed).as("includes of NUBC or CPT codes").isNotEmpty().allSatisfy(include ->
        assertThat(include.getConcept()).allSatisfy(concept ->
            assertThat(concept.hasDisplay()).as(include.getSystem() + "|" + concept.getCode() + " display").isFalse()));
    assertThat(codeSystems.keySet()).noneMatch(url -> LICENSED.stream().anyMatch(url::startsWith));
  }

  /** {@link #contains} reads is-a as a code prefix, which is only right for ICD-10-CM categories. */
  @Test
  void filtersAreIcd10CmIsAOnCategories() {
    List<ConceptSetComponent> filtered = valueSets.values().stream()
        .flatMap(vs -> vs.getCompose().getInclude().stream()).filter(ConceptSetComponent::hasFilter).toList();
    assertThat(filtered).isNotEmpty().allSatisfy(include -> {
      assertThat(include.getSystem()).isEqualTo(ICD10CM);
      assertThat(include.hasConcept()).isFalse();
      assertThat(include.getFilter()).singleElement().satisfies(filter -> {
        assertThat(filter.getProperty()).isEqualTo("concept");
        assertThat(filter.getOp()).isEqualTo(ValueSet.FilterOperator.ISA);
        assertThat(filter.getValue()).matches("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,3})?");
      });
    });
  }

  static Stream<Arguments> membership() {
    return Stream.of(
        arguments("smi-diagnosis", ICD10CM, "F20.9", true),
        arguments("smi-diagnosis", ICD10CM, "F25.0", true),
        arguments("smi-diagnosis", ICD10CM, "F31.81", true),
        arguments("smi-diagnosis", ICD10CM, "F33.1", true),
        arguments("smi-diagnosis", ICD10CM, "F32.2", true),
        arguments("smi-diagnosis", ICD10CM, "F32.3", true),
        arguments("smi-diagnosis", ICD10CM, "F32.1", false),
        arguments("smi-diagnosis", ICD10CM, "F32.A", false),
        arguments("smi-diagnosis", ICD10CM, "F21", false),
        arguments("smi-diagnosis", ICD10CM, "F10.20", false),
        arguments("smi-diagnosis", "http://snomed.info/sct", "58214004", false),
        arguments("smi-diagnosis-extended", ICD10CM, "F20.9", true),
        arguments("smi-diagnosis-extended", ICD10CM, "F32.1", true),
        arguments("smi-diagnosis-extended", ICD10CM, "F21", true),
        arguments("smi-diagnosis-extended", ICD10CM, "F43.12", true),
        arguments("smi-diagnosis-extended", ICD10CM, "F60.3", true),
        arguments("smi-diagnosis-extended", ICD10CM, "F43.21", false),
        arguments("smi-diagnosis-extended", ICD10CM, "F60.2", false),
        arguments("smi-diagnosis-extended", ICD10CM, "F10.20", false),
        arguments("housing-instability-diagnosis", ICD10CM, "Z59.0", true),
        arguments("housing-instability-diagnosis", ICD10CM, "Z59.02", true),
        arguments("housing-instability-diagnosis", ICD10CM, "Z59.12", true),
        arguments("housing-instability-diagnosis", ICD10CM, "Z59.811", true),
        arguments("housing-instability-diagnosis", ICD10CM, "Z59.82", false),
        arguments("housing-instability-diagnosis", ICD10CM, "Z59.2", false),
        arguments("unemployment-diagnosis", ICD10CM, "Z56.0", true),
        arguments("unemployment-diagnosis", ICD10CM, "Z56.1", false),
        arguments("psychiatric-inpatient-signals", TOB, "0111", true),
        arguments("psychiatric-inpatient-signals", TOB, "0117", true),
        arguments("psychiatric-inpatient-signals", TOB, "0131", false),
        arguments("psychiatric-inpatient-signals", TOB, "111", false),
        arguments("psychiatric-inpatient-signals", REV, "0114", true),
        arguments("psychiatric-inpatient-signals", REV, "0110", false),
        arguments("psychiatric-inpatient-signals", REV, "0450", false),
        arguments("psychiatric-inpatient-signals", POS, "51", true),
        arguments("psychiatric-inpatient-signals", POS, "23", false),
        arguments("psychiatric-inpatient-signals", DRG, "885", true),
        arguments("psychiatric-inpatient-signals", DRG, "895", false),
        arguments("crisis-services", HCPCS, "H2011", true),
        arguments("crisis-services", HCPCS, "S9485", true),
        arguments("crisis-services", HCPCS, "T1016", false),
        arguments("crisis-services", POS, "23", true),
        arguments("crisis-services", POS, "21", false),
        arguments("crisis-services", REV, "0450", true),
        arguments("crisis-services", REV, "0459", true),
        arguments("crisis-services", REV, "0762", false),
        arguments("crisis-services", TOB, "0450", false),
        arguments("outpatient-mental-health", CPT, "90834", true),
        arguments("outpatient-mental-health", CPT, "99496", true),
        arguments("outpatient-mental-health", CPT, "90835", false),
        arguments("outpatient-mental-health", HCPCS, "T1016", true),
        arguments("outpatient-mental-health", HCPCS, "H2011", false),
        arguments("outpatient-mental-health", HCPCS, "90834", false),
        arguments("outpatient-mental-health", POS, "53", true),
        arguments("outpatient-mental-health", POS, "52", true),
        arguments("outpatient-mental-health", POS, "11", false),
        arguments("medicaid-coverage-type", SOPT, "2", true),
        arguments("medicaid-coverage-type", SOPT, "213", true),
        arguments("medicaid-coverage-type", SOPT, "24", false),
        arguments("medicaid-coverage-type", SOPT, "81", false),
        arguments("medicaid-coverage-type", SOPT, "3", false));
  }

  @ParameterizedTest(name = "{0} contains {1}|{2}: {3}")
  @MethodSource("membership")
  void externalValueSetsAdmitWhatTheRulesExpect(String id, String system, String code, boolean expected) {
    assertThat(contains(VS + id, system, code)).isEqualTo(expected);
  }

  /**
   * Whether a value set's compose admits system|code. An include admits a code when everything it states holds: its
   * system, its listed concepts, each filter (is-a on an ICD-10-CM category, which is a code prefix there, see
   * {@link #filtersAreIcd10CmIsAOnCategories}) and each value set it names. Excludes are not used in this package.
   */
  private static boolean contains(String valueSetUrl, String system, String code) {
    ValueSet valueSet = valueSets.get(valueSetUrl);
    assertThat(valueSet).as(valueSetUrl).isNotNull();
    assertThat(valueSet.getCompose().getExclude()).isEmpty();
    return valueSet.getCompose().getInclude().stream().anyMatch(include -> admits(include, system, code));
  }

  private static boolean admits(ConceptSetComponent include, String system, String code) {
    if (include.hasSystem() && !include.getSystem().equals(system)) {
      return false;
    }
    if (include.hasConcept() && include.getConcept().stream().noneMatch(concept -> concept.getCode().equals(code))) {
      return false;
    }
    for (ConceptSetFilterComponent filter : include.getFilter()) {
      if (!code.startsWith(filter.getValue())) {
        return false;
      }
    }
    return include.getValueSet().stream().allMatch(url -> contains(url.getValue(), system, code));
  }

  private static Stream<ConceptDefinitionComponent> flatten(List<ConceptDefinitionComponent> concepts) {
    return concepts.stream().flatMap(concept -> Stream.concat(Stream.of(concept), flatten(concept.getConcept())));
  }

  private static Stream<Path> files(String type) throws IOException {
    try (Stream<Path> files = Files.list(PACKAGE)) {
      return files.filter(p -> p.getFileName().toString().matches(type + "-.*\\.json")).sorted().toList().stream();
    }
  }

  private static MetadataResource parse(Path file) {
    try {
      return (MetadataResource) FhirContext.forR4Cached().newJsonParser().parseResource(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
