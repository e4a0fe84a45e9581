package org.casemgmt.adapter.eligibility;

import java.util.List;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.program.Criterion;

/**
 * Criteria made of others. The explanation of a combination quotes the parts that decided it, so a reader sees
 * "2 crisis episodes within 24 months..." rather than "any-of met".
 */
final class CombinationJudge {

  Judgement allOf(Criterion criterion, List<Judgement> parts) {
    CriterionResult result = CriterionResult.allOf(results(parts));
    String explanation = switch (result) {
      case MET -> "All " + parts.size() + " met: " + explanations(parts, CriterionResult.MET);
      case NOT_MET -> "Not met: " + explanations(parts, CriterionResult.NOT_MET);
      case UNKNOWN -> "Could not be judged: " + explanations(parts, CriterionResult.UNKNOWN);
    };
    return combined(criterion.id(), result, explanation, parts);
  }

  Judgement anyOf(Criterion criterion, List<Judgement> parts) {
    CriterionResult result = CriterionResult.anyOf(results(parts));
    String explanation = switch (result) {
      case MET -> explanations(parts, CriterionResult.MET);
      case NOT_MET -> "None of " + parts.size() + " met: " + explanations(parts, CriterionResult.NOT_MET);
      case UNKNOWN -> "None met; could not be judged: " + explanations(parts, CriterionResult.UNKNOWN);
    };
    return combined(criterion.id(), result, explanation, parts);
  }

  Judgement atLeastN(Criterion.AtLeastN criterion, List<Judgement> parts) {
    CriterionResult result = CriterionResult.atLeast(criterion.n(), results(parts));
    long met = parts.stream().filter(part -> part.result() == CriterionResult.MET).count();
    String explanation = met + " of " + parts.size() + " met, " + criterion.n() + " needed"
        + (met == 0 ? "" : ": " + explanations(parts, CriterionResult.MET))
        + (result == CriterionResult.UNKNOWN
            ? "; could not be judged: " + explanations(parts, CriterionResult.UNKNOWN) : "");
    return combined(criterion.id(), result, explanation, parts);
  }

  /** A named group takes its rule's result; a combination under it is flattened into the group's parts. */
  Judgement group(Criterion.Group group, Judgement rule) {
    boolean combination = !rule.parts().isEmpty();
    return new Judgement(group.id(), rule.result(), rule.explanation(), List.of(), null, null,
        combination ? rule.parts() : List.of(rule), rule.missing());
  }

  private static Judgement combined(String criterion, CriterionResult result, String explanation,
      List<Judgement> parts) {
    List<String> missing = result != CriterionResult.UNKNOWN ? List.of() : parts.stream()
        .filter(part -> part.result() == CriterionResult.UNKNOWN)
        .flatMap(part -> part.missing().stream())
        .distinct()
        .toList();
    return new Judgement(criterion, result, explanation, List.of(), null, null, parts, missing);
  }

  private static List<CriterionResult> results(List<Judgement> parts) {
    return parts.stream().map(Judgement::result).toList();
  }

  private static String explanations(List<Judgement> parts, CriterionResult result) {
    return parts.stream().filter(part -> part.result() == result).map(Judgement::explanation)
        .collect(Collectors.joining("; "));
  }
}
