package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The shipped coverage types say what the guide says Medicaid coverage is. */
class EligibilityEvidenceConfigTest {

  @Test
  @SuppressWarnings("unchecked")
  void theMedicaidCoverageTypesAreThoseOfTheGuidesValueSet() throws IOException {
    Map<String, Object> config = new Yaml().load(Files.readString(Path.of("../config/eligibility-evidence.yml")));
    Map<String, Object> types = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        config.get("adapter")).get("eligibility")).get("coverage-types");
    ValueSet medicaid = new ImplementationGuide(FhirContext.forR4Cached())
        .valueSet(ImplementationGuide.CANONICAL + "/ValueSet/medicaid-coverage-type").orElseThrow();

    List<String> listed = medicaid.getCompose().getInclude().stream()
        .flatMap(include -> include.getConcept().stream().map(concept -> include.getSystem() + "|" + concept.getCode()))
        .toList();

    assertThat(listed).isNotEmpty();
    assertThat((List<String>) types.get("medicaid")).containsExactlyInAnyOrderElementsOf(listed);
    // Binding it the way Spring does (kebab-case keys) gives a usable policy.
    assertThat(new CoverageTypes((List<String>) types.get("medicaid"), (List<String>) types.get("state-funded"))
        .medicaid()).hasSize(listed.size());
  }
}
