package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;

/**
 * A utilization measure's rules applied to one client's facts: each enrollment overlapping the period, compared or
 * too short, and the episodes of each group's kinds that began in the lookback before its first day or from that day
 * to its end (or the period's end). Episodes are counted by their first day, as the eligibility rules and the
 * discharge outcome summary count them: a crisis on the enrollment's first day is during it.
 */
final class UtilizationMeasure {
  private final UtilizationDefinition definition;
  private final Set<String> programsCountingDeniedClaims;

  /** @param programsCountingDeniedClaims the programs whose rules count episodes only denied claims show */
  UtilizationMeasure(UtilizationDefinition definition, Set<String> programsCountingDeniedClaims) {
    this.definition = definition;
    this.programsCountingDeniedClaims = programsCountingDeniedClaims;
  }

  List<Counted> evaluate(ServiceUseFacts facts, LocalDate from, LocalDate to) {
    List<Counted> counted = new ArrayList<>();
    for (Enrollment enrollment : facts.enrollments()) {
      if (enrollment.start().isAfter(to) || enrollment.end() != null && enrollment.end().isBefore(from)) {
        continue;
      }
      LocalDate last = enrollment.end() == null || enrollment.end().isAfter(to) ? to : enrollment.end();
      long days = ChronoUnit.DAYS.between(enrollment.start(), last) + 1;
      boolean compared = !enrollment.start().plusMonths(definition.minimumMonthsEnrolled()).isAfter(last.plusDays(1));
      for (Map.Entry<String, List<EpisodeKind>> group : definition.episodeGroups().entrySet()) {
        List<PsychiatricEpisode> episodes = facts.episodes().stream()
            .filter(episode -> group.getValue().contains(episode.kind()) && (episode.origin() != Origin.DENIED_CLAIM
                || programsCountingDeniedClaims.contains(enrollment.program())))
            .toList();
        List<PsychiatricEpisode> before = episodes.stream().filter(episode -> !episode.start()
            .isBefore(enrollment.start().minusMonths(definition.lookbackMonths()))
            && episode.start().isBefore(enrollment.start())).toList();
        List<PsychiatricEpisode> during = episodes.stream().filter(episode -> !episode.start()
            .isBefore(enrollment.start()) && !episode.start().isAfter(last)).toList();
        String span = enrollment.reference() + " (" + enrollment.program() + ") from " + enrollment.start() + " to "
            + last + ", " + days + " day(s)";
        counted.add(new Counted(group.getKey(), facts.client(), enrollment.program(), enrollment.caseManager(),
            compared ? Set.of("initial-population", "denominator")
                : Set.of("initial-population", "denominator-exclusion"), BigDecimal.valueOf(days),
            enrollment.start(), compared ? span + ": " + before.size() + " episode(s) in the "
                + definition.lookbackMonths() + " months before, " + during.size() + " during"
                : span + ": fewer than " + definition.minimumMonthsEnrolled() + " months enrolled"));
        if (compared) {
          before.forEach(episode -> counted.add(episode(group.getKey(), facts, enrollment, episode,
              UtilizationDefinition.BEFORE, "before")));
          during.forEach(episode -> counted.add(episode(group.getKey(), facts, enrollment, episode,
              UtilizationDefinition.DURING, "during")));
        }
      }
    }
    return counted;
  }

  private static Counted episode(String group, ServiceUseFacts facts, Enrollment enrollment,
      PsychiatricEpisode episode, String population, String when) {
    return new Counted(group, facts.client(), enrollment.program(), enrollment.caseManager(), Set.of(population),
        null, episode.start(), episode.reference() + " (" + episode.kind().code() + ") began " + episode.start()
            + ", " + when + " " + enrollment.reference() + " (from " + enrollment.start() + ")");
  }
}
