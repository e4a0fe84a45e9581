package org.casemgmt.adapter.workflow.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.workflow.WorkflowProperties.Band;
import org.casemgmt.adapter.workflow.WorkflowProperties.Score;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The assessment-score Observations a completed response gives: its domain ratings and calculated scores, coded by
 * the form's item codes (LOINC 44261-6 for the PHQ-9 total; the functional-assessment codes), valued as the form
 * scores them, dated by the response's authored time and derived from it. This is the shape the eligibility rules
 * read ({@code eligibility.record.Assessments}).
 */
final class AssessmentScores {
  static final String IDENTIFIER = ImplementationGuide.CANONICAL + "/sid/assessment-score";
  private static final String PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/assessment-score";
  private static final String UCUM = "http://unitsofmeasure.org";

  private AssessmentScores() {
  }

  /** @param reference the stored response ("QuestionnaireResponse/12") */
  static List<Observation> of(AssessmentForm form, QuestionnaireResponse response, String reference) {
    List<Observation> scores = new ArrayList<>();
    if (form.scoring() == null) {
      return scores;
    }
    if (form.scoring().ratings()) {
      ratings(form, response.getItem(), response, reference, scores);
    }
    for (Score score : form.scoring().scores()) {
      QuestionnaireItemComponent item = form.item(score.item()).orElseThrow();
      form.calculate(score.item(), response).ifPresent(value -> {
        Observation observation = score(item, response, reference,
            item.getType() == QuestionnaireItemType.DECIMAL ? scoreQuantity(value) : new IntegerType(value.intValue()));
        band(score, value).ifPresent(band -> observation.addInterpretation(new CodeableConcept(
            new Coding("http://snomed.info/sct", band.code(), band.display())).setText(band.text())));
        scores.add(observation);
      });
    }
    return scores;
  }

  private static void ratings(AssessmentForm form, List<QuestionnaireResponseItemComponent> items,
      QuestionnaireResponse response, String reference, List<Observation> scores) {
    for (QuestionnaireResponseItemComponent answered : items) {
      form.item(answered.getLinkId()).filter(AssessmentForm::isRated).ifPresent(item -> answered.getAnswer().stream()
          .filter(answer -> answer.hasValueCoding()).findFirst()
          .flatMap(answer -> AssessmentForm.ordinal(item, answer.getValueCoding()))
          .ifPresent(rating -> scores.add(score(item, response, reference, new IntegerType(rating.intValue())))));
      ratings(form, answered.getItem(), response, reference, scores);
    }
  }

  private static Observation score(QuestionnaireItemComponent item, QuestionnaireResponse response, String reference,
      Type value) {
    Coding code = item.getCodeFirstRep().copy();
    Observation score = new Observation();
    score.getMeta().addProfile(PROFILE);
    score.addIdentifier().setSystem(IDENTIFIER).setValue(reference + "/" + code.getCode());
    score.setStatus(response.getStatus() == QuestionnaireResponseStatus.AMENDED
        ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
    score.addCategory(new CodeableConcept(
        new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
    score.setCode(new CodeableConcept(code).setText(item.getText()));
    score.setSubject(response.getSubject().copy());
    score.setEffective(response.getAuthoredElement().copy());
    if (response.hasAuthor()) {
      score.addPerformer(response.getAuthor().copy());
    }
    score.setValue(value);
    score.addDerivedFrom(new Reference(reference));
    return score;
  }

  private static Quantity scoreQuantity(BigDecimal value) {
    return new Quantity().setValue(value).setUnit("score").setSystem(UCUM).setCode("{score}");
  }

  private static Optional<Band> band(Score score, BigDecimal value) {
    Band found = null;
    for (Band band : score.bands()) {
      if (value.compareTo(band.from()) >= 0) {
        found = band;
      }
    }
    return Optional.ofNullable(found);
  }
}
