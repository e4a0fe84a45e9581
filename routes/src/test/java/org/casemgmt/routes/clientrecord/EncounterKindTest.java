package org.casemgmt.routes.clientrecord;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one Java spelling of the guide's encounter kinds says what the guide's CodeSystem says. */
class EncounterKindTest {

  @Test
  void theKindsAreTheGuidesCodesWithTheirDisplays() {
    CodeSystem guide = new ImplementationGuide(FhirContext.forR4Cached()).publishedResources().stream()
        .filter(CodeSystem.class::isInstance).map(CodeSystem.class::cast)
        .filter(codeSystem -> EncounterKind.SYSTEM.equals(codeSystem.getUrl())).findFirst().orElseThrow();
    Map<String, String> published = guide.getConcept().stream()
        .collect(Collectors.toMap(CodeSystem.ConceptDefinitionComponent::getCode,
            CodeSystem.ConceptDefinitionComponent::getDisplay));
    Map<String, String> spelled = Arrays.stream(EncounterKind.values())
        .collect(Collectors.toMap(EncounterKind::code, EncounterKind::display));
    assertThat(spelled).isEqualTo(published);
  }

  @ParameterizedTest(name = "psychiatric {0}, emergency {1}: {2}")
  @CsvSource({
      "true,  false, psychiatric-inpatient",
      "true,  true,  psychiatric-emergency",
      "false, false, medical-inpatient",
      "false, true,  medical-emergency"})
  void aHospitalizationIsPsychiatricOrMedicalAndAStayOrAnEmergencyVisit(boolean psychiatric, boolean emergency,
      String code) {
    assertThat(EncounterKind.hospitalization(psychiatric, emergency).code()).isEqualTo(code);
    assertThat(EncounterKind.ofCode(code)).contains(EncounterKind.hospitalization(psychiatric, emergency));
  }

  @Test
  void aCodeTheGuideDoesNotDefineIsNoKind() {
    assertThat(EncounterKind.ofCode("psychiatric-outpatient")).isEmpty();
    assertThat(EncounterKind.ofCode(null)).isEmpty();
  }
}
