package org.casemgmt.adapter.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.program.Criterion;

/**
 * Psychiatric service use within the lookback, counted by the day an episode starts. The shell builds episodes, but
 * the same stay can still reach the engine twice (from ADT and from a claim) or in pieces (a transfer the same or
 * the next day), so stays that start before the previous one has ended, or the day after, are one episode, and
 * visits or services on the same day are one. No such episode on record is not met rather than unknown: claims
 * and ADT feeds report use, and silence from them means none.
 */
final class EpisodeCountJudge {

  Judgement judge(Criterion.EpisodeCount rule, Evaluation evaluation) {
    Lookback window = evaluation.lookback(rule.within());
    List<PsychiatricEpisode> ofMeasure = evaluation.evidence().episodes().stream()
        .filter(episode -> rule.measure().counts(episode.kind()))
        .toList();
    List<PsychiatricEpisode> countable = ofMeasure.stream()
        .filter(episode -> evaluation.countDeniedClaims() || episode.origin() != Origin.DENIED_CLAIM)
        .toList();
    List<List<PsychiatricEpisode>> counted = episodes(countable, rule.measure().countsStays()).stream()
        .filter(episode -> window.contains(first(episode).start()))
        .toList();
    counted.forEach(episode -> evaluation.inputsChangeOn(window.agesOutOn(first(episode).start())));
    long denied = ofMeasure.stream()
        .filter(episode -> !countable.contains(episode) && window.contains(episode.start()))
        .count();

    String noun = rule.measure().noun();
    String explanation = Words.count(counted.size(), noun) + " " + Words.within(window) + "; " + rule.atLeast()
        + " needed" + (denied == 0 ? "" : "; " + denied + " on denied claims not counted");
    List<EvidenceUsed> evidence = counted.stream()
        .flatMap(List::stream)
        .map(episode -> new EvidenceUsed(episode.reference(), episode.start(),
            noun + (episode.origin() == Origin.DENIED_CLAIM ? " (denied claim)" : "")))
        .toList();
    return new Judgement(rule.id(), counted.size() >= rule.atLeast() ? CriterionResult.MET : CriterionResult.NOT_MET,
        explanation, evidence, window, BigDecimal.valueOf(counted.size()), List.of(), List.of());
  }

  /** The records grouped into episodes, each in start order; an episode starts when its first record does. */
  private static List<List<PsychiatricEpisode>> episodes(List<PsychiatricEpisode> records, boolean stays) {
    List<PsychiatricEpisode> inOrder = records.stream()
        .sorted(Comparator.comparing(PsychiatricEpisode::start)
            .thenComparing(PsychiatricEpisode::end, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    List<List<PsychiatricEpisode>> episodes = new ArrayList<>();
    LocalDate lastJoiningDay = null;
    for (PsychiatricEpisode record : inOrder) {
      List<PsychiatricEpisode> current = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
      boolean joins = current != null && (stays
          ? !record.start().isAfter(lastJoiningDay)
          : record.start().equals(first(current).start()));
      if (!joins) {
        current = new ArrayList<>();
        episodes.add(current);
        lastJoiningDay = null;
      }
      current.add(record);
      // A record without an end (a stay still going on, or a claim that omits it) is not allowed to swallow every
      // later admission: it takes in records from its own day and the next only.
      LocalDate joiningDay = (record.end() == null ? record.start() : record.end()).plusDays(1);
      lastJoiningDay = lastJoiningDay == null || joiningDay.isAfter(lastJoiningDay) ? joiningDay : lastJoiningDay;
    }
    return episodes;
  }

  private static PsychiatricEpisode first(List<PsychiatricEpisode> episode) {
    return episode.get(0);
  }
}
