package org.casemgmt.adapter.workflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casemgmt.adapter.workflow.WorkflowPolicyTest;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scores the server derives from the guide's example responses, under the shipped policy: the values the forms'
 * own scoring gives, and every Observation valid against assessment-score (which is why the server does not validate
 * them again on each write).
 */
class AssessmentScoresTest {
  private static final Path EXAMPLES = Path.of("../fhir-profiles/src/main/fhir/package/example");
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static ImplementationGuide guide;
  private static AssessmentForms forms;

  @BeforeAll
  static void load() throws IOException {
    guide = new ImplementationGuide(FHIR);
    forms = new AssessmentForms(guide, WorkflowPolicyTest.shipped(), FHIR);
  }

  @Test
  void thePhq9TotalWithItsBand() throws IOException {
    List<Observation> scores = scores("QuestionnaireResponse-assessment-response-example.json");

    assertThat(scores).singleElement().satisfies(total -> {
      assertThat(total.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
      assertThat(total.getValueIntegerType().getValue()).isEqualTo(12);
      assertThat(total.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("6736007");
      assertThat(total.getIdentifierFirstRep().getValue()).isEqualTo("QuestionnaireResponse/7/44261-6");
    });
    assertThat(scores).allSatisfy(score -> assertThat(guide.errors(score)).isEmpty());
  }

  @Test
  void theFunctionalRatingsTotalMeanAndNeeds() throws IOException {
    List<Observation> scores = scores("QuestionnaireResponse-assessment-response-functional-example.json");

    Map<String, String> values = scores.stream().collect(Collectors.toMap(
        score -> score.getCode().getCodingFirstRep().getCode(),
        score -> score.hasValueQuantity() ? score.getValueQuantity().getValue().toPlainString()
            : score.getValue().primitiveValue()));
    assertThat(values).containsEntry("housing-stability", "2").containsEntry("safety", "5")
        .containsEntry("total-score", "26").containsEntry("mean-score", "3.25")
        .containsEntry("domains-needing-support", "2").hasSize(11);
    assertThat(scores).allSatisfy(score -> assertThat(guide.errors(score)).isEmpty());
  }

  @Test
  void aFormWithoutScoresGivesNone() {
    QuestionnaireResponse intake = new QuestionnaireResponse()
        .setQuestionnaire(ImplementationGuide.CANONICAL + "/Questionnaire/biopsychosocial-intake");

    assertThat(AssessmentScores.of(forms.find(intake.getQuestionnaire()).orElseThrow(), intake,
        "QuestionnaireResponse/8")).isEmpty();
  }

  private static List<Observation> scores(String example) throws IOException {
    QuestionnaireResponse response = FHIR.newJsonParser().parseResource(QuestionnaireResponse.class,
        Files.readString(EXAMPLES.resolve(example)));
    return AssessmentScores.of(forms.find(response.getQuestionnaire()).orElseThrow(), response,
        "QuestionnaireResponse/7");
  }
}
