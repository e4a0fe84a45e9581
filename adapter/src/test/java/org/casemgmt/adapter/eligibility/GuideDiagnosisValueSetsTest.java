package org.casemgmt.adapter.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.eligibility.program.Criterion;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitionException;
import org.casemgmt.adapter.eligibility.program.ProgramSource;
import org.casemgmt.profiles.ImplementationGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A program's diagnosis value set is read from the guide's ValueSets, when they can be read without a server. */
class GuideDiagnosisValueSetsTest {
  private static final String CANONICAL = "https://fhir.casemgmt-adapter.org/ValueSet/";
  private static final GuideDiagnosisValueSets VALUE_SETS =
      new GuideDiagnosisValueSets(new ImplementationGuide(FhirContext.forR4Cached()));

  @Test
  void isAFiltersArePrefixesAndListedConceptsAreThemselves() {
    assertThat(VALUE_SETS.prefixes(CANONICAL + "smi-diagnosis")).contains(
        Set.of("F20", "F22", "F23", "F25", "F28", "F29", "F30", "F31", "F33", "F32.2", "F32.3"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "https://example.org/ValueSet/not-in-the-guide, not in the guide",
      CANONICAL + "crisis-services, procedure and revenue codes",
      CANONICAL + "psychiatric-inpatient-signals, bill types and DRGs"})
  void aValueSetThatCannotBeReadAsIcd10CmPrefixesIsUnavailable(String url, String why) {
    assertThat(VALUE_SETS.prefixes(url)).isEqualTo(Optional.empty());
  }

  @Test
  void theShippedClaimsDrivenProgramQualifiesTheValueSetsDiagnoses() {
    Criterion.Diagnosis diagnosis = (Criterion.Diagnosis) ShippedPrograms.loader()
        .loadDirectory(Path.of("../config/programs")).get("claims-driven-tailored").criteria().get(0);

    assertThat(diagnosis.valueSet()).isEqualTo(CANONICAL + "smi-diagnosis");
    assertThat(List.of("F20.9", "F25.0", "F31.2", "F33.1", "F32.2", "F32.3")).allMatch(diagnosis::qualifies);
    assertThat(List.of("F32.1", "F32.9", "F41.1", "F60.3", "Z59.00")).noneMatch(diagnosis::qualifies);
  }

  @Test
  void aProgramNamingAnUnreadableValueSetStopsStartUpSayingWhich() {
    String yaml = """
        id: hcpcs-as-diagnoses
        title: A program
        version: "1"
        valid-for: P90D
        criteria:
          - diagnosis:
              value-set: https://fhir.casemgmt-adapter.org/ValueSet/crisis-services
              confirmed-by: {clinician-condition: true}
        """;

    assertThatThrownBy(() -> ShippedPrograms.loader().load(List.of(new ProgramSource("hcpcs.yaml", yaml))))
        .isInstanceOf(ProgramDefinitionException.class)
        .hasMessageContaining("hcpcs.yaml: criteria[0].diagnosis.value-set")
        .hasMessageContaining("value set https://fhir.casemgmt-adapter.org/ValueSet/crisis-services is not available");
  }
}
