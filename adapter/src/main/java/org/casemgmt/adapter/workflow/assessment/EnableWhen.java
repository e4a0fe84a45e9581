package org.casemgmt.adapter.workflow.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * Whether a form's item is enabled by a response's answers (Questionnaire.item.enableWhen): only an enabled item can
 * be required. Comparisons follow R4: exists, = and != on any answer type, the orderings on numbers, dates and
 * strings.
 */
final class EnableWhen {
  private final Map<String, List<Type>> answers = new HashMap<>();

  EnableWhen(QuestionnaireResponse response) {
    collect(response.getItem());
  }

  boolean answered(String linkId) {
    return !answers.getOrDefault(linkId, List.of()).isEmpty();
  }

  boolean test(QuestionnaireItemComponent item) {
    if (!item.hasEnableWhen()) {
      return true;
    }
    boolean any = item.getEnableBehavior() == EnableWhenBehavior.ANY;
    for (QuestionnaireItemEnableWhenComponent condition : item.getEnableWhen()) {
      boolean holds = holds(condition);
      if (any && holds) {
        return true;
      }
      if (!any && !holds) {
        return false;
      }
    }
    return !any;
  }

  private boolean holds(QuestionnaireItemEnableWhenComponent condition) {
    List<Type> given = answers.getOrDefault(condition.getQuestion(), List.of());
    return switch (condition.getOperator()) {
      case EXISTS -> condition.getAnswerBooleanType().booleanValue() == !given.isEmpty();
      case EQUAL -> given.stream().anyMatch(value -> compare(value, condition.getAnswer()) == 0);
      case NOT_EQUAL -> given.stream().noneMatch(value -> compare(value, condition.getAnswer()) == 0);
      case GREATER_THAN -> given.stream().anyMatch(value -> compare(value, condition.getAnswer()) > 0);
      case LESS_THAN -> given.stream().anyMatch(value -> compare(value, condition.getAnswer()) < 0);
      case GREATER_OR_EQUAL -> given.stream().anyMatch(value -> compare(value, condition.getAnswer()) >= 0);
      case LESS_OR_EQUAL -> given.stream().anyMatch(value -> compare(value, condition.getAnswer()) <= 0);
      default -> false;
    };
  }

  /** 0 when equal; the order for numbers, dates and strings; a non-zero when the two cannot be compared. */
  private static int compare(Type value, Type expected) {
    if (value instanceof Coding coding && expected instanceof Coding wanted) {
      return AssessmentForm.sameCode(wanted, coding) ? 0 : 1;
    }
    if (value instanceof PrimitiveType<?> given && expected instanceof PrimitiveType<?> wanted
        && given.getValueAsString() != null && wanted.getValueAsString() != null) {
      String a = given.getValueAsString();
      String b = wanted.getValueAsString();
      try {
        return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
      } catch (NumberFormatException notNumbers) {
        return a.compareTo(b);
      }
    }
    return value.equalsDeep(expected) ? 0 : 1;
  }

  private void collect(List<QuestionnaireResponseItemComponent> items) {
    for (QuestionnaireResponseItemComponent item : items) {
      List<Type> values = answers.computeIfAbsent(item.getLinkId(), linkId -> new ArrayList<>());
      for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
        if (answer.hasValue()) {
          values.add(answer.getValue());
        }
        collect(answer.getItem());
      }
      collect(item.getItem());
    }
  }
}
