package org.casemgmt.adapter.eligibility;

import java.math.BigDecimal;
import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.program.Criterion;

/**
 * Psychiatric service use within the lookback, counted by start date: two episodes starting the same day (a
 * transfer the shell did not chain, a claim and an ADT visit for one stay) count once. No such episode on record
 * is not met rather than unknown: claims and ADT feeds report use, and silence from them means none.
 */
final class EpisodeCountJudge {

  Judgement judge(Criterion.EpisodeCount rule, Evaluation evaluation) {
    Lookback window = evaluation.lookback(rule.within());
    List<PsychiatricEpisode> inWindow = evaluation.evidence().episodes().stream()
        .filter(episode -> rule.measure().counts(episode.kind()) && window.contains(episode.start()))
        .toList();
    List<PsychiatricEpisode> counted = inWindow.stream()
        .filter(episode -> evaluation.countDeniedClaims() || episode.origin() != Origin.DENIED_CLAIM)
        .toList();
    counted.forEach(episode -> evaluation.inputsChangeOn(window.agesOutOn(episode.start())));
    long days = counted.stream().map(PsychiatricEpisode::start).distinct().count();
    long denied = inWindow.size() - counted.size();

    String noun = rule.measure().noun();
    String explanation = Words.count(days, noun) + " " + Words.within(window) + "; " + rule.atLeast() + " needed"
        + (denied == 0 ? "" : "; " + denied + " on denied claims not counted");
    List<EvidenceUsed> evidence = counted.stream()
        .map(episode -> new EvidenceUsed(episode.reference(), episode.start(),
            noun + (episode.origin() == Origin.DENIED_CLAIM ? " (denied claim)" : "")))
        .toList();
    return new Judgement(rule.id(), days >= rule.atLeast() ? CriterionResult.MET : CriterionResult.NOT_MET,
        explanation, evidence, window, BigDecimal.valueOf(days), List.of(), List.of());
  }
}
