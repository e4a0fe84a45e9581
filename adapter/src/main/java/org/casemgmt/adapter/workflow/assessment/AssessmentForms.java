package org.casemgmt.adapter.workflow.assessment;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casemgmt.adapter.workflow.WorkflowProperties;
import org.casemgmt.adapter.workflow.WorkflowProperties.AssessmentScoring;
import org.casemgmt.adapter.workflow.WorkflowProperties.Score;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.springframework.stereotype.Component;

/**
 * The guide's assessment forms (PHQ-9, eligibility screening, functional assessment, biopsychosocial intake), each
 * with the scores {@code adapter.workflow.assessments} records from it. A scoring setting that names a form or an
 * item the guide does not have stops start-up.
 */
@Component
public class AssessmentForms {
  private final Map<String, AssessmentForm> byUrl = new LinkedHashMap<>();

  AssessmentForms(ImplementationGuide guide, WorkflowProperties properties, FhirContext fhirContext) {
    Map<String, Questionnaire> questionnaires = guide.questionnaires();
    Map<String, AssessmentScoring> scorings = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (AssessmentScoring scoring : properties.assessments()) {
      Questionnaire questionnaire = questionnaires.get(scoring.questionnaire());
      if (questionnaire == null) {
        problems.add("adapter.workflow.assessments: " + scoring.questionnaire() + " is not a questionnaire of the"
            + " guide (" + String.join(", ", questionnaires.keySet()) + ")");
        continue;
      }
      scorings.put(scoring.questionnaire(), scoring);
    }
    IFhirPath fhirPath = fhirContext.newFhirPath();
    questionnaires.forEach((url, questionnaire) ->
        byUrl.put(url, new AssessmentForm(questionnaire, scorings.get(url), fhirPath)));
    scorings.values().forEach(scoring -> scoring.scores().forEach(score -> check(scoring, score, problems)));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Workflow assessment scoring: " + String.join("; ", problems));
    }
  }

  /** The form a response answers: its canonical URL, with or without a {@code |version}. */
  Optional<AssessmentForm> find(String canonical) {
    if (canonical == null) {
      return Optional.empty();
    }
    int bar = canonical.indexOf('|');
    return Optional.ofNullable(byUrl.get(bar < 0 ? canonical : canonical.substring(0, bar)));
  }

  /** The canonical URLs of the forms responses are checked against. */
  public List<String> urls() {
    return List.copyOf(byUrl.keySet());
  }

  private void check(AssessmentScoring scoring, Score score, List<String> problems) {
    AssessmentForm form = byUrl.get(scoring.questionnaire());
    String where = "adapter.workflow.assessments " + scoring.questionnaire() + " score " + score.item();
    if (!form.isCalculated(score.item())) {
      problems.add(where + ": not a calculated item of the form");
      return;
    }
    QuestionnaireItemType type = form.item(score.item()).orElseThrow().getType();
    if (type != QuestionnaireItemType.INTEGER && type != QuestionnaireItemType.DECIMAL) {
      problems.add(where + ": a score is an integer or decimal item, this one is " + type.toCode());
    }
    for (int i = 1; i < score.bands().size(); i++) {
      if (score.bands().get(i).from().compareTo(score.bands().get(i - 1).from()) <= 0) {
        problems.add(where + ": bands are listed lowest first");
      }
    }
  }
}
