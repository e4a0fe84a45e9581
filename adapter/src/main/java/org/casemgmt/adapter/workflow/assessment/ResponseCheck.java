package org.casemgmt.adapter.workflow.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.casemgmt.adapter.workflow.Breach;
import org.casemgmt.adapter.workflow.WorkflowRule;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Checks a response against its form: every answer fits its item (assessment-response-valid) and, once the response
 * is completed, every required item that is enabled is answered (assessment-response-complete). Each problem names
 * the item by linkId and says why; answers themselves are never quoted back.
 */
final class ResponseCheck {
  private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
  private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
  private static final String REGEX = "http://hl7.org/fhir/StructureDefinition/regex";
  private static final Set<QuestionnaireResponseStatus> FINISHED =
      Set.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);

  private final AssessmentForm form;
  private final QuestionnaireResponse response;
  private final List<Breach> breaches = new ArrayList<>();

  private ResponseCheck(AssessmentForm form, QuestionnaireResponse response) {
    this.form = form;
    this.response = response;
  }

  static List<Breach> breaches(AssessmentForm form, QuestionnaireResponse response) {
    ResponseCheck check = new ResponseCheck(form, response);
    check.items(response.getItem());
    if (FINISHED.contains(response.getStatus())) {
      check.completeness();
    }
    return check.breaches;
  }

  static boolean finished(QuestionnaireResponse response) {
    return FINISHED.contains(response.getStatus());
  }

  private void items(List<QuestionnaireResponseItemComponent> items) {
    for (QuestionnaireResponseItemComponent answered : items) {
      Optional<QuestionnaireItemComponent> item = form.item(answered.getLinkId());
      if (item.isEmpty()) {
        invalid(answered.getLinkId(), "is not an item of " + form.title() + " (" + form.url() + ")");
      } else {
        answers(item.get(), answered);
      }
      items(answered.getItem());
      answered.getAnswer().forEach(answer -> items(answer.getItem()));
    }
  }

  private void answers(QuestionnaireItemComponent item, QuestionnaireResponseItemComponent answered) {
    List<QuestionnaireResponseItemAnswerComponent> answers =
        answered.getAnswer().stream().filter(QuestionnaireResponseItemAnswerComponent::hasValue).toList();
    QuestionnaireItemType type = item.getType();
    if ((type == QuestionnaireItemType.GROUP || type == QuestionnaireItemType.DISPLAY) && !answers.isEmpty()) {
      invalid(item.getLinkId(), "is a " + type.toCode() + " and takes no answer");
      return;
    }
    if (answers.size() > 1 && !item.getRepeats()) {
      invalid(item.getLinkId(), "takes one answer; " + answers.size() + " were given");
    }
    for (QuestionnaireResponseItemAnswerComponent answer : answers) {
      value(item, answer.getValue());
    }
    if (form.isCalculated(item.getLinkId()) && !answers.isEmpty()) {
      calculated(item, answers.get(0).getValue());
    }
  }

  private void value(QuestionnaireItemComponent item, Type value) {
    String linkId = item.getLinkId();
    String expected = switch (item.getType()) {
      case CHOICE -> "Coding";
      case OPENCHOICE -> value instanceof StringType ? "string" : "Coding";
      case TEXT, STRING -> "string";
      case INTEGER -> "integer";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "dateTime";
      case TIME -> "time";
      case URL -> "uri";
      case ATTACHMENT -> "Attachment";
      case REFERENCE -> "Reference";
      case QUANTITY -> "Quantity";
      default -> value.fhirType();
    };
    if (!expected.equals(value.fhirType())) {
      invalid(linkId, "is a " + item.getType().toCode() + " item and takes a value" + expected + " answer, not "
          + "value" + capitalised(value.fhirType()));
      return;
    }
    if (value instanceof Coding coding && item.hasAnswerOption() && !AssessmentForm.offers(item, coding)
        && item.getType() == QuestionnaireItemType.CHOICE) {
      invalid(linkId, "was answered with " + coding.getSystem() + "|" + coding.getCode()
          + ", which is not one of its answer options");
    }
    if (value instanceof IntegerType || value instanceof DecimalType) {
      BigDecimal number = new BigDecimal(((PrimitiveType<?>) value).getValueAsString());
      limit(item, MIN_VALUE).filter(min -> number.compareTo(min) < 0)
          .ifPresent(min -> invalid(linkId, "is below its minimum of " + min.toPlainString()));
      limit(item, MAX_VALUE).filter(max -> number.compareTo(max) > 0)
          .ifPresent(max -> invalid(linkId, "is above its maximum of " + max.toPlainString()));
    }
    if (value instanceof StringType text) {
      Extension regex = item.getExtensionByUrl(REGEX);
      if (regex != null && text.getValue() != null
          && !Pattern.compile(regex.getValue().primitiveValue()).matcher(text.getValue()).matches()) {
        invalid(linkId, "does not have the required form (" + regex.getValue().primitiveValue() + ")");
      }
      if (item.hasMaxLength() && text.getValue() != null && text.getValue().length() > item.getMaxLength()) {
        invalid(linkId, "is longer than its " + item.getMaxLength() + " characters");
      }
    }
  }

  /** A calculated item sent with the response must say what the answers add up to. */
  private void calculated(QuestionnaireItemComponent item, Type given) {
    if (!(given instanceof PrimitiveType<?> primitive) || primitive.getValueAsString() == null) {
      return;
    }
    Optional<BigDecimal> expected = form.calculate(item.getLinkId(), response);
    BigDecimal sent = new BigDecimal(primitive.getValueAsString());
    if (expected.isEmpty()) {
      invalid(item.getLinkId(), "is calculated from answers the response does not give all of; leave it out or"
          + " answer them");
    } else if (expected.get().compareTo(sent) != 0) {
      invalid(item.getLinkId(), "is calculated from the answers: they give " + expected.get().toPlainString()
          + ", the response says " + sent.toPlainString());
    }
  }

  private void completeness() {
    EnableWhen enabled = new EnableWhen(response);
    for (QuestionnaireItemComponent item : form.items()) {
      boolean answerable = item.getType() != QuestionnaireItemType.GROUP
          && item.getType() != QuestionnaireItemType.DISPLAY && !form.isCalculated(item.getLinkId());
      if (item.getRequired() && answerable && enabled.test(item) && !enabled.answered(item.getLinkId())) {
        breaches.add(WorkflowRule.ASSESSMENT_RESPONSE_COMPLETE.breach(at(item.getLinkId()), "item "
            + item.getLinkId() + " (" + item.getText() + ") is required and has no answer; a "
            + response.getStatus().toCode() + " response answers every required item"));
      }
    }
  }

  private static Optional<BigDecimal> limit(QuestionnaireItemComponent item, String url) {
    Extension limit = item.getExtensionByUrl(url);
    return limit == null || limit.getValue() == null ? Optional.empty()
        : Optional.of(new BigDecimal(limit.getValue().primitiveValue()));
  }

  private void invalid(String linkId, String why) {
    breaches.add(WorkflowRule.ASSESSMENT_RESPONSE_VALID.breach(at(linkId), "item " + linkId + " " + why));
  }

  private static String at(String linkId) {
    return "QuestionnaireResponse.repeat(item).where(linkId = '" + linkId.replace("'", "\\'") + "')";
  }

  private static String capitalised(String type) {
    return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }
}
