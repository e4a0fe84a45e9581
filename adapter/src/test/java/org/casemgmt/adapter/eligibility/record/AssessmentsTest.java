package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Scores from assessment-score Observations and answers from completed screenings.
 * The cases, one per row: {@code src/test/resources/eligibility/record/scores.csv}.
 */
class AssessmentsTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/eligibility/record/scores.csv", delimiter = '|', nullValues = "-",
      numLinesToSkip = 1)
  void score(String name, String status, String code, String value, String effective, String expected) {
    Observation observation = new Observation();
    observation.setId("Observation/4");
    observation.setStatus(Observation.ObservationStatus.fromCode(status));
    // loinc/<code> or fa/<code> (the guide's functional-assessment code system)
    String system = code.startsWith("loinc/") ? Assessments.LOINC : Assessments.FUNCTIONAL_ASSESSMENT;
    observation.setCode(new CodeableConcept(new Coding(system, code.substring(code.indexOf('/') + 1), null)));
    if (value != null) {
      observation.setValue(value.endsWith("q") ? new Quantity().setValue(new BigDecimal(value.replace("q", "")))
          : new IntegerType(value));
    }
    observation.setEffective(new DateTimeType(effective));

    assertThat(Assessments.score(observation).map(score -> score.kind() + " " + score.value().toPlainString() + " "
        + score.date()).orElse("none")).isEqualTo(expected);
  }

  @Test
  void aScoreOverAPeriodIsDatedByItsStart() {
    Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept(new Coding(Assessments.LOINC, "44261-6", null)))
        .setValue(new IntegerType(9))
        .setEffective(new Period().setStartElement(new DateTimeType("2025-02-03"))
            .setEndElement(new DateTimeType("2025-02-04")));
    observation.setId("Observation/5");

    assertThat(Assessments.score(observation)).hasValueSatisfying(score -> {
      assertThat(score.date()).hasToString("2025-02-03");
      assertThat(score.reference()).isEqualTo("Observation/5");
    });
  }

  @Test
  void screeningAnswersAreFoundAtAnyDepthAndOnlyEligibilityScreeningCodesCount() {
    QuestionnaireResponse response = completed("2025-11-02T09:15:00-06:00");
    QuestionnaireResponseItemComponent living = response.addItem().setLinkId("living-situation");
    living.addItem().setLinkId("housing-situation").addAnswer().setValue(screening("housing-homeless"));
    living.addItem().setLinkId("employment").addAnswer().setValue(screening("unemployed-seeking"));
    // An answer in another code system, and a free-text answer: nothing the rules read.
    living.addItem().setLinkId("other").addAnswer().setValue(new Coding("http://snomed.info/sct", "32911000", null));
    living.addItem().setLinkId("county").addAnswer().setValue(new org.hl7.fhir.r4.model.StringType("Sangamon"));
    // An item nested under an answer.
    response.addItem().setLinkId("insurance").addAnswer().setValue(screening("insurance-medicaid"))
        .addItem().setLinkId("coverage-ended").addAnswer().setValue(screening("insurance-none"));

    assertThat(Assessments.answers(response)).extracting(answer -> answer.question() + "=" + answer.answer() + " "
        + answer.date() + " " + answer.reference()).containsExactly(
            "housing-situation=housing-homeless 2025-11-02 QuestionnaireResponse/8",
            "employment=unemployed-seeking 2025-11-02 QuestionnaireResponse/8",
            "insurance=insurance-medicaid 2025-11-02 QuestionnaireResponse/8",
            "coverage-ended=insurance-none 2025-11-02 QuestionnaireResponse/8");
  }

  @Test
  void aScreeningStillInProgressGivesNoAnswers() {
    QuestionnaireResponse response = completed("2025-11-02");
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
    response.addItem().setLinkId("housing-situation").addAnswer().setValue(screening("housing-homeless"));

    assertThat(Assessments.answers(response)).isEmpty();
  }

  private static QuestionnaireResponse completed(String authored) {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setId("QuestionnaireResponse/8");
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    response.setAuthoredElement(new DateTimeType(authored));
    return response;
  }

  private static Coding screening(String code) {
    return new Coding(Assessments.ELIGIBILITY_SCREENING, code, null);
  }
}
