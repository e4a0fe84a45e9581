package org.casemgmt.adapter.workflow.assessment;

import ca.uhn.fhir.fhirpath.IFhirPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.adapter.workflow.WorkflowProperties.AssessmentScoring;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * One of the guide's assessment forms as the workflow uses it: its items by linkId, how it scores (the ordinal value
 * of each answer option, the SDC calculated expressions in FHIRPath), and which scores are recorded. The scoring
 * lives in the form: this class only evaluates it.
 */
final class AssessmentForm {
  static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
  static final String CALCULATED_EXPRESSION =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
  private static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";

  private final Questionnaire questionnaire;
  private final Map<String, QuestionnaireItemComponent> items = new LinkedHashMap<>();
  /** The calculated items' expressions, the form's variables put in place (each is an expression on %resource). */
  private final Map<String, String> calculations = new LinkedHashMap<>();
  private final AssessmentScoring scoring;
  private final IFhirPath fhirPath;

  AssessmentForm(Questionnaire questionnaire, AssessmentScoring scoring, IFhirPath fhirPath) {
    this.questionnaire = questionnaire;
    this.scoring = scoring;
    this.fhirPath = fhirPath;
    collect(questionnaire.getItem());
    items.values().stream().filter(item -> item.hasExtension(CALCULATED_EXPRESSION))
        .forEach(item -> calculations.put(item.getLinkId(), withVariables(
            ((Expression) item.getExtensionByUrl(CALCULATED_EXPRESSION).getValue()).getExpression())));
  }

  String url() {
    return questionnaire.getUrl();
  }

  String title() {
    return questionnaire.getTitle();
  }

  /** Every item, nested ones included, in the form's order. */
  List<QuestionnaireItemComponent> items() {
    return new ArrayList<>(items.values());
  }

  Optional<QuestionnaireItemComponent> item(String linkId) {
    return Optional.ofNullable(items.get(linkId));
  }

  boolean isCalculated(String linkId) {
    return calculations.containsKey(linkId);
  }

  /** How the form's scores are recorded; null for a form nothing is recorded from. */
  AssessmentScoring scoring() {
    return scoring;
  }

  /** A calculated item's value for the response; empty while the answers it needs are missing. */
  Optional<BigDecimal> calculate(String linkId, QuestionnaireResponse response) {
    String expression = calculations.get(linkId);
    if (expression == null) {
      return Optional.empty();
    }
    List<Base> result;
    // HAPI's FHIRPath engine keeps state between evaluations; responses are few, so one at a time is enough.
    synchronized (fhirPath) {
      result = fhirPath.evaluate(response, expression, Base.class);
    }
    return result.stream().findFirst()
        .map(value -> new BigDecimal(((PrimitiveType<?>) value).getValueAsString()));
  }

  /** The ordinal value of the option an answer chose, for an item whose options carry them. */
  static Optional<BigDecimal> ordinal(QuestionnaireItemComponent item, org.hl7.fhir.r4.model.Coding answer) {
    return item.getAnswerOption().stream()
        .filter(option -> option.hasValueCoding() && sameCode(option.getValueCoding(), answer))
        .map(option -> option.getExtensionByUrl(ORDINAL_VALUE))
        .filter(extension -> extension != null && extension.getValue() instanceof DecimalType)
        .map(extension -> ((DecimalType) extension.getValue()).getValue())
        .findFirst();
  }

  /** Whether the item is scored by the ordinal values of its answer options. */
  static boolean isRated(QuestionnaireItemComponent item) {
    return item.getAnswerOption().stream().anyMatch(option -> option.hasExtension(ORDINAL_VALUE));
  }

  static boolean sameCode(org.hl7.fhir.r4.model.Coding option, org.hl7.fhir.r4.model.Coding answer) {
    return option.getCode() != null && option.getCode().equals(answer.getCode())
        && (option.getSystem() == null ? answer.getSystem() == null : option.getSystem().equals(answer.getSystem()));
  }

  static boolean offers(QuestionnaireItemComponent item, org.hl7.fhir.r4.model.Coding answer) {
    return item.getAnswerOption().stream().map(QuestionnaireItemAnswerOptionComponent::getValue)
        .anyMatch(value -> value instanceof org.hl7.fhir.r4.model.Coding coding && sameCode(coding, answer));
  }

  private void collect(List<QuestionnaireItemComponent> level) {
    for (QuestionnaireItemComponent item : level) {
      items.put(item.getLinkId(), item);
      collect(item.getItem());
    }
  }

  private String withVariables(String expression) {
    String result = expression;
    for (Extension variable : questionnaire.getExtensionsByUrl(VARIABLE)) {
      Expression definition = (Expression) variable.getValue();
      result = result.replaceAll("%" + Pattern.quote(definition.getName()) + "\\b",
          Matcher.quoteReplacement("(" + definition.getExpression() + ")"));
    }
    return result;
  }
}
