package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.reporting.measure.DischargeOutcome.Result;
import org.casemgmt.adapter.reporting.measure.DischargeDefinition.Event;

/**
 * A discharge measure's rules applied to one client's facts: which discharges count in each window's group, which
 * are excluded and why, which were followed by the event, and which are still open. Dates are days: a discharge
 * on day D is followed within N days by an event on D+1 to D+N (an event on the discharge day does not count).
 */
final class DischargeMeasure {
  private final DischargeDefinition definition;
  private final Set<EpisodeKind> indexKinds;

  DischargeMeasure(DischargeDefinition definition) {
    this.definition = definition;
    this.indexKinds = definition.indexKinds();
  }

  /**
   * The client's discharges in the period, as counted in each group, and the discharges still open on the
   * evaluation day ({@code today}) whichever period they fall in.
   */
  List<DischargeOutcome> evaluate(ServiceUseFacts facts, LocalDate from, LocalDate to, LocalDate today) {
    List<PsychiatricEpisode> stays = facts.episodes().stream().filter(e -> indexKinds.contains(e.kind()))
        .sorted(Comparator.comparing(PsychiatricEpisode::start)).toList();
    List<DischargeOutcome> outcomes = new ArrayList<>();
    for (PsychiatricEpisode stay : stays) {
      LocalDate discharged = stay.end();
      if (discharged == null || discharged.isBefore(from) || discharged.isAfter(to) || readmittedSoon(stay, stays)) {
        continue;
      }
      Map<Integer, Result> groups = new LinkedHashMap<>();
      for (int window : definition.windowsDays()) {
        int observed = definition.observed(window);
        boolean initial = !discharged.plusDays(observed).isAfter(to);
        String event = event(facts, stays, discharged, window, today).orElse(null);
        LocalDate windowEnd = discharged.plusDays(window);
        Integer daysLeft = event == null && !today.isAfter(windowEnd) && !today.isBefore(discharged)
            ? (int) ChronoUnit.DAYS.between(today, windowEnd) : null;
        groups.put(window, new Result(initial, exclusion(facts, discharged, observed), event, daysLeft));
      }
      if (groups.values().stream().anyMatch(result -> result.initial() || result.daysLeft() != null)) {
        Optional<Enrollment> enrollment = facts.enrollments().stream()
            .filter(e -> e.covers(discharged)).findFirst();
        outcomes.add(new DischargeOutcome(facts.client(), stay.reference(), discharged,
            enrollment.map(Enrollment::program).orElse(null),
            enrollment.map(Enrollment::caseManager).orElse(null), groups));
      }
    }
    return outcomes;
  }

  /** A new stay beginning within the configured days of this discharge: only the last of such a chain counts. */
  private boolean readmittedSoon(PsychiatricEpisode stay, List<PsychiatricEpisode> stays) {
    int within = definition.lastOfReadmissionsWithinDays();
    return within > 0 && stays.stream().anyMatch(next -> next != stay && next.start().isAfter(stay.start())
        && !next.start().isBefore(stay.end()) && !next.start().isAfter(stay.end().plusDays(within)));
  }

  /** The first event after the discharge day and within the window, up to the evaluation day. */
  private Optional<String> event(ServiceUseFacts facts, List<PsychiatricEpisode> stays, LocalDate discharged,
      int window, LocalDate today) {
    LocalDate first = discharged.plusDays(1);
    LocalDate last = discharged.plusDays(window).isAfter(today) ? today : discharged.plusDays(window);
    if (definition.event() == Event.FOLLOW_UP) {
      return facts.followUps().stream().filter(visit -> within(visit.day(), first, last))
          .min(Comparator.comparing(ServiceUseFacts.Visit::day)).map(ServiceUseFacts.Visit::reference);
    }
    return stays.stream().filter(next -> within(next.start(), first, last))
        .min(Comparator.comparing(PsychiatricEpisode::start)).map(PsychiatricEpisode::reference);
  }

  /** Why a discharge leaves the denominator: age, a gap in the required coverage, death; null when it stays. */
  private String exclusion(ServiceUseFacts facts, LocalDate discharged, int observed) {
    int minimumAge = definition.minimumAge();
    if (minimumAge > 0 && (facts.birthDate() == null
        || Period.between(facts.birthDate(), discharged).getYears() < minimumAge)) {
      return facts.birthDate() == null ? "birth date unknown" : "under " + minimumAge + " on the discharge day";
    }
    if (facts.died() != null && !facts.died().isAfter(discharged.plusDays(observed))) {
      return "died within " + observed + " days of the discharge";
    }
    if (definition.continuousCoverage() != null) {
      for (LocalDate day = discharged; !day.isAfter(discharged.plusDays(observed)); day = day.plusDays(1)) {
        LocalDate covered = day;
        if (facts.coverage().stream().noneMatch(span -> span.payer() == definition.continuousCoverage()
            && span.covers(covered))) {
          return "no " + definition.continuousCoverage() + " coverage on " + day + " (required from the discharge"
              + " through " + observed + " days after)";
        }
      }
    }
    return null;
  }

  private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
    return !day.isBefore(first) && !day.isAfter(last);
  }
}
