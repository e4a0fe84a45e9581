package org.casemgmt.adapter.eligibility.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.AssessmentScore;
import org.casemgmt.adapter.eligibility.evidence.ScoreKind;
import org.casemgmt.adapter.eligibility.evidence.ScreeningAnswer;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * Assessment scores (assessment-score Observations: the PHQ-9 total, the functional assessment's total and mean) and
 * screening answers (QuestionnaireResponse items answered with an eligibility-screening code, from the screening form
 * or any other form that uses its codes). Only completed, final work counts: a draft is not yet the assessment.
 */
final class Assessments {
  static final String LOINC = "http://loinc.org";
  static final String FUNCTIONAL_ASSESSMENT = ImplementationGuide.CANONICAL + "/CodeSystem/functional-assessment";
  static final String ELIGIBILITY_SCREENING = ImplementationGuide.CANONICAL + "/CodeSystem/eligibility-screening";
  /** The codes of the scores the engine reads, as {@code system|code}. */
  static final Map<String, ScoreKind> SCORES = Map.of(
      LOINC + "|44261-6", ScoreKind.PHQ9_TOTAL,
      FUNCTIONAL_ASSESSMENT + "|total-score", ScoreKind.FUNCTIONAL_ASSESSMENT_TOTAL,
      FUNCTIONAL_ASSESSMENT + "|mean-score", ScoreKind.FUNCTIONAL_ASSESSMENT_MEAN);
  private static final Set<Observation.ObservationStatus> FINAL = Set.of(Observation.ObservationStatus.FINAL,
      Observation.ObservationStatus.AMENDED, Observation.ObservationStatus.CORRECTED);
  private static final Set<QuestionnaireResponse.QuestionnaireResponseStatus> COMPLETED = Set.of(
      QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED,
      QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED);

  private Assessments() {
  }

  static Optional<AssessmentScore> score(Observation observation) {
    if (observation.getStatus() == null || !FINAL.contains(observation.getStatus())) {
      return Optional.empty();
    }
    Optional<ScoreKind> kind = observation.getCode().getCoding().stream()
        .map(coding -> SCORES.get(coding.getSystem() + "|" + coding.getCode()))
        .filter(found -> found != null)
        .findFirst();
    BigDecimal value = observation.hasValueIntegerType() && observation.getValueIntegerType().hasValue()
        ? BigDecimal.valueOf(observation.getValueIntegerType().getValue())
        : observation.hasValueQuantity() ? observation.getValueQuantity().getValue() : null;
    LocalDate date = effective(observation);
    if (kind.isEmpty() || value == null || date == null) {
      return Optional.empty();
    }
    return Optional.of(new AssessmentScore(kind.get(), value, date, References.of(observation)));
  }

  static List<ScreeningAnswer> answers(QuestionnaireResponse response) {
    LocalDate date = FhirDates.day(response.getAuthoredElement());
    if (response.getStatus() == null || !COMPLETED.contains(response.getStatus()) || date == null) {
      return List.of();
    }
    List<ScreeningAnswer> answers = new ArrayList<>();
    collect(response.getItem(), date, References.of(response), answers);
    return answers;
  }

  /** Items nest in groups and under answers; every level is searched. */
  private static void collect(List<QuestionnaireResponseItemComponent> items, LocalDate date, String reference,
      List<ScreeningAnswer> answers) {
    for (QuestionnaireResponseItemComponent item : items) {
      for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
        if (answer.hasValueCoding() && ELIGIBILITY_SCREENING.equals(answer.getValueCoding().getSystem())) {
          Coding coding = answer.getValueCoding();
          if (item.hasLinkId() && coding.hasCode()) {
            answers.add(new ScreeningAnswer(item.getLinkId(), coding.getCode(), date, reference));
          }
        }
        collect(answer.getItem(), date, reference, answers);
      }
      collect(item.getItem(), date, reference, answers);
    }
  }

  private static LocalDate effective(Observation observation) {
    if (observation.hasEffectiveDateTimeType()) {
      return FhirDates.day(observation.getEffectiveDateTimeType());
    }
    if (observation.hasEffectivePeriod()) {
      return FhirDates.day(observation.getEffectivePeriod().getStartElement());
    }
    if (observation.hasEffectiveInstantType()) {
      return FhirDates.day(observation.getEffectiveInstantType());
    }
    return observation.hasIssued() ? observation.getIssued().toInstant().atZone(ZoneId.systemDefault()).toLocalDate()
        : null;
  }
}
