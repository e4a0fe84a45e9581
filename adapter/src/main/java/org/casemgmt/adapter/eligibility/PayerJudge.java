package org.casemgmt.adapter.eligibility;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.evidence.CoverageSpan;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.adapter.eligibility.program.Criterion;

/**
 * Coverage of an accepted kind is active on the evaluation date. No coverage on record is unknown (the enrollment
 * feed may not have reached the client yet); coverage on record that does not cover the date is not met.
 */
final class PayerJudge {

  Judgement judge(Criterion.Payer rule, Evaluation evaluation) {
    List<CoverageSpan> spans = evaluation.evidence().coverage();
    for (CoverageSpan span : spans) {
      evaluation.inputsChangeOn(span.start());
      evaluation.inputsChangeOn(span.end() == null ? null : span.end().plusDays(1));
    }
    String accepted = rule.accepts().stream().sorted().map(PayerJudge::name).collect(Collectors.joining(" or "));
    if (spans.isEmpty()) {
      return new Judgement(rule.id(), CriterionResult.UNKNOWN, "No coverage is recorded", List.of(), null, null,
          List.of(), List.of("no coverage data"));
    }
    List<CoverageSpan> active = spans.stream()
        .filter(span -> rule.accepts().contains(span.payer()) && span.covers(evaluation.date()))
        .toList();
    if (!active.isEmpty()) {
      CoverageSpan span = active.get(0);
      return new Judgement(rule.id(), CriterionResult.MET, name(span.payer()) + " coverage active on "
          + evaluation.date() + (span.start() == null ? "" : " (since " + span.start() + ")"),
          used(active), null, null, List.of(), List.of());
    }
    List<CoverageSpan> acceptedKinds = spans.stream().filter(span -> rule.accepts().contains(span.payer()))
        .sorted(Comparator.comparing(CoverageSpan::start, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    String why = acceptedKinds.isEmpty() ? "only other coverage is recorded" : acceptedKinds.stream()
        .map(span -> span.end() != null && span.end().isBefore(evaluation.date())
            ? name(span.payer()) + " coverage ended " + span.end()
            : name(span.payer()) + " coverage starts " + span.start())
        .collect(Collectors.joining("; "));
    return new Judgement(rule.id(), CriterionResult.NOT_MET, "No " + accepted + " coverage on "
        + evaluation.date() + ": " + why, used(acceptedKinds.isEmpty() ? spans : acceptedKinds), null, null,
        List.of(), List.of());
  }

  private static List<EvidenceUsed> used(List<CoverageSpan> spans) {
    return spans.stream()
        .map(span -> new EvidenceUsed(span.reference(), span.start(), name(span.payer()) + " coverage "
            + (span.start() == null ? "" : "from " + span.start() + " ")
            + (span.end() == null ? "open" : "to " + span.end())))
        .toList();
  }

  private static String name(PayerKind payer) {
    return switch (payer) {
      case MEDICAID -> "Medicaid";
      case STATE_FUNDED -> "state-funded";
      case OTHER -> "other";
    };
  }
}
