package org.casemgmt.adapter.eligibility;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.eligibility.evidence.AssessmentScore;
import org.casemgmt.adapter.eligibility.evidence.ScoreKind;
import org.casemgmt.adapter.eligibility.program.Criterion;
import org.casemgmt.adapter.eligibility.program.Phq9Band;

/**
 * Thresholds on the latest assessment within the lookback: the client's current state, not their worst. Without an
 * assessment the criterion is unknown: function cannot be judged from silence.
 */
final class AssessmentJudge {

  Judgement functionalScore(Criterion.FunctionalScoreBelow rule, Evaluation evaluation) {
    Lookback window = evaluation.lookback(rule.within());
    String name = rule.score() == ScoreKind.FUNCTIONAL_ASSESSMENT_TOTAL
        ? "functional assessment total score" : "functional assessment mean score";
    Optional<AssessmentScore> latest = latest(rule.score(), window, evaluation);
    if (latest.isEmpty()) {
      return unknown(rule.id(), name, window);
    }
    AssessmentScore score = latest.get();
    boolean below = score.value().compareTo(rule.below()) < 0;
    String explanation = Words.capitalized(name) + " " + score.value().toPlainString() + " on " + score.date() + ", "
        + (below ? "below " : "not below ") + rule.below().toPlainString() + " (lower is worse functioning)";
    return new Judgement(rule.id(), below ? CriterionResult.MET : CriterionResult.NOT_MET, explanation,
        List.of(new EvidenceUsed(score.reference(), score.date(), name + " " + score.value().toPlainString())),
        window, score.value(), List.of(), List.of());
  }

  Judgement phq9(Criterion.Phq9AtLeast rule, Evaluation evaluation) {
    Lookback window = evaluation.lookback(rule.within());
    Optional<AssessmentScore> latest = latest(ScoreKind.PHQ9_TOTAL, window, evaluation);
    if (latest.isEmpty()) {
      return unknown(rule.id(), "PHQ-9", window);
    }
    AssessmentScore score = latest.get();
    Phq9Band band = Phq9Band.of(score.value());
    boolean severeEnough = band.compareTo(rule.band()) >= 0;
    String explanation = "PHQ-9 total " + score.value().toPlainString() + " (" + band.code() + ") on "
        + score.date() + "; " + rule.band().code() + " or more severe needed";
    return new Judgement(rule.id(), severeEnough ? CriterionResult.MET : CriterionResult.NOT_MET, explanation,
        List.of(new EvidenceUsed(score.reference(), score.date(),
            "PHQ-9 total " + score.value().toPlainString() + " (" + band.code() + ")")),
        window, score.value(), List.of(), List.of());
  }

  /** The latest score in the window; once it ages out every earlier one has too, so it alone bounds the result. */
  private static Optional<AssessmentScore> latest(ScoreKind kind, Lookback window, Evaluation evaluation) {
    Optional<AssessmentScore> latest = evaluation.evidence().scores().stream()
        .filter(score -> score.kind() == kind && window.contains(score.date()))
        .max(Comparator.comparing(AssessmentScore::date));
    latest.ifPresent(score -> evaluation.inputsChangeOn(window.agesOutOn(score.date())));
    return latest;
  }

  private static Judgement unknown(String criterion, String name, Lookback window) {
    String missing = "no " + name + " " + Words.within(window);
    return new Judgement(criterion, CriterionResult.UNKNOWN, Words.capitalized(missing), List.of(), window, null,
        List.of(), List.of(missing));
  }
}
