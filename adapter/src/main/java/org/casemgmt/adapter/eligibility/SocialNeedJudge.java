package org.casemgmt.adapter.eligibility;

import java.util.ArrayList;
import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.ScreeningAnswer;
import org.casemgmt.adapter.eligibility.program.Criterion;

/**
 * Housing instability or unemployment recorded within the lookback. Any diagnosis or screening answer showing the
 * need meets it; a screening answer showing no need, and nothing else, fails it; with neither the need is unknown,
 * because the absence of a Z code says nothing about a person's housing or work.
 */
final class SocialNeedJudge {

  Judgement judge(Criterion.SocialNeedRecorded rule, Evaluation evaluation) {
    Lookback window = evaluation.lookback(rule.within());
    List<DiagnosisFact> diagnoses = evaluation.evidence().diagnoses().stream()
        .filter(fact -> evaluation.countDeniedClaims() || !fact.denied())
        .filter(fact -> window.contains(fact.date()) && rule.shownBy(fact.code()))
        .toList();
    List<ScreeningAnswer> answers = evaluation.evidence().screeningAnswers().stream()
        .filter(answer -> answer.question().equals(rule.screeningQuestion()) && window.contains(answer.date()))
        .toList();
    diagnoses.forEach(fact -> evaluation.inputsChangeOn(window.agesOutOn(fact.date())));
    answers.forEach(answer -> evaluation.inputsChangeOn(window.agesOutOn(answer.date())));
    List<ScreeningAnswer> showingNeed = answers.stream()
        .filter(answer -> rule.screeningAnswers().contains(answer.answer()))
        .toList();

    String need = rule.need().noun();
    List<EvidenceUsed> evidence = new ArrayList<>();
    diagnoses.forEach(fact -> evidence.add(new EvidenceUsed(fact.reference(), fact.date(), fact.code())));
    if (!diagnoses.isEmpty() || !showingNeed.isEmpty()) {
      showingNeed.forEach(answer -> evidence.add(used(answer)));
      return new Judgement(rule.id(), CriterionResult.MET,
          Words.capitalized(need) + " recorded " + Words.within(window) + ": " + describe(evidence),
          evidence, window, null, List.of(), List.of());
    }
    if (!answers.isEmpty()) {
      answers.forEach(answer -> evidence.add(used(answer)));
      return new Judgement(rule.id(), CriterionResult.NOT_MET,
          "No " + need + " recorded " + Words.within(window) + ": " + describe(evidence),
          evidence, window, null, List.of(), List.of());
    }
    return new Judgement(rule.id(), CriterionResult.UNKNOWN,
        "No diagnosis or screening answer about " + need + " " + Words.within(window), List.of(), window, null,
        List.of(), List.of("no information on " + need + " " + Words.within(window)));
  }

  private static EvidenceUsed used(ScreeningAnswer answer) {
    return new EvidenceUsed(answer.reference(), answer.date(), answer.question() + " answered " + answer.answer());
  }

  private static String describe(List<EvidenceUsed> evidence) {
    return String.join(", ", evidence.stream().map(used -> used.fact() + " on " + used.date()).toList());
  }
}
