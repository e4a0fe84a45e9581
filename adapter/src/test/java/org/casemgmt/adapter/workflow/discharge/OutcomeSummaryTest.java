package org.casemgmt.adapter.workflow.discharge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * The outcome summary counts episodes by their first day: in the window before enrollment (its first day in, the
 * enrollment's first day out) and during the enrollment (first and last day in), each kind apart, state hospital
 * stays as hospitalizations, and denied-claims episodes only where the program counts them.
 */
class OutcomeSummaryTest {
  private static final LocalDate START = LocalDate.parse("2026-03-01");
  private static final LocalDate END = LocalDate.parse("2026-11-30");
  private final List<PsychiatricEpisode> episodes = new ArrayList<>();

  @Test
  void episodesAreCountedInTheWindowTheyBeganIn() {
    episode(EpisodeKind.INPATIENT, "2025-02-28", Origin.CLINICAL); // the day before the window: not counted
    episode(EpisodeKind.INPATIENT, "2025-03-01", Origin.CLINICAL); // the window's first day
    episode(EpisodeKind.STATE_HOSPITAL, "2026-02-28", Origin.CLAIM); // the day before enrollment
    episode(EpisodeKind.CRISIS, "2026-03-01", Origin.CLINICAL); // the enrollment's first day
    episode(EpisodeKind.CRISIS, "2026-11-30", Origin.CLINICAL); // the discharge day
    episode(EpisodeKind.EMERGENCY, "2026-06-10", Origin.DENIED_CLAIM); // only from a denied claim
    episode(EpisodeKind.INPATIENT, "2026-12-01", Origin.CLINICAL); // after discharge

    OutcomeSummary.Summary summary = summarise(false);

    assertThat(components(summary.observation())).isEqualTo(Map.of(
        "psych-inpatient-episodes-before-enrollment", 2, "psych-inpatient-episodes-during-enrollment", 0,
        "psych-ed-visits-before-enrollment", 0, "psych-ed-visits-during-enrollment", 0,
        "crisis-episodes-before-enrollment", 0, "crisis-episodes-during-enrollment", 2));
    assertThat(summary.counted()).containsExactlyInAnyOrder("Encounter/2", "Encounter/3", "Encounter/4",
        "Encounter/5");
    assertThat(summary.observation().getNote().get(0).getText()).isEqualTo("Before enrollment (2025-03-01 to"
        + " 2026-02-28): 2 psychiatric hospitalizations, 0 psychiatric emergency visits, 0 crisis episodes."
        + " During enrollment (2026-03-01 to 2026-11-30): 0 psychiatric hospitalizations, 0 psychiatric emergency"
        + " visits, 2 crisis episodes.");
    assertThat(summary.observation().getEffectivePeriod().getStartElement().getValueAsString())
        .isEqualTo("2025-03-01");
  }

  @Test
  void deniedClaimsCountWhereTheProgramCountsThem() {
    episode(EpisodeKind.EMERGENCY, "2026-06-10", Origin.DENIED_CLAIM);

    assertThat(components(summarise(true).observation())).containsEntry("psych-ed-visits-during-enrollment", 1);
  }

  private OutcomeSummary.Summary summarise(boolean countDenied) {
    return OutcomeSummary.of(episodes, "Patient/1", "EpisodeOfCare/9", START, END, Period.ofMonths(12),
        countDenied, new Date());
  }

  private void episode(EpisodeKind kind, String start, Origin origin) {
    episodes.add(new PsychiatricEpisode(kind, LocalDate.parse(start), null, origin,
        "Encounter/" + (episodes.size() + 1)));
  }

  private static Map<String, Integer> components(Observation summary) {
    return summary.getComponent().stream().collect(Collectors.toMap(
        component -> component.getCode().getCodingFirstRep().getCode(),
        component -> component.getValueIntegerType().getValue()));
  }
}
