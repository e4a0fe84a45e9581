package org.casemgmt.adapter.reporting.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Population;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Stratifier;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A discharge measure's rules ({@code discharge:} in {@code config/measures.yml}): which discharges count, and which
 * event after them (a follow-up visit, a readmission) within each window.
 */
public record DischargeDefinition(
    List<EpisodeKind> indexEpisodes,
    Event event,
    List<Integer> windowsDays,
    Integer observedDays,
    @DefaultValue("0") int lastOfReadmissionsWithinDays,
    @DefaultValue("0") int minimumAge,
    PayerKind continuousCoverage,
    @DefaultValue List<String> followUpClasses) {

  /** The project's population of the discharges still waiting for a follow-up. */
  static final String DUE = "follow-up-due";

  /** What is looked for after a discharge. */
  public enum Event { FOLLOW_UP, READMISSION }

  public DischargeDefinition {
    if (indexEpisodes == null || indexEpisodes.isEmpty() || event == null || windowsDays == null
        || windowsDays.isEmpty()) {
      throw new IllegalArgumentException("a discharge measure names its index-episodes, event and windows-days");
    }
    if (event == Event.FOLLOW_UP && followUpClasses.isEmpty()) {
      throw new IllegalArgumentException("a follow-up measure names its follow-up-classes");
    }
  }

  /** How many days after a discharge must lie inside the period for it to count in a window's group. */
  int observed(int window) {
    return observedDays != null ? observedDays : window;
  }

  Set<EpisodeKind> indexKinds() {
    return Set.copyOf(indexEpisodes);
  }

  /** The encounter classes of follow-up visits; none for a measure of another event. */
  Set<String> followUps() {
    return event == Event.FOLLOW_UP ? Set.copyOf(followUpClasses) : Set.of();
  }

  /** One group per window: the standard populations, follow-up measures' discharges still due, a proportion. */
  List<MeasureGroup> groups() {
    String kinds = String.join(" or ", indexEpisodes.stream().map(EpisodeKind::code).toList());
    String followedBy = event == Event.FOLLOW_UP ? "a visit of class " + String.join(", ", followUpClasses)
        : "a new " + kinds + " stay";
    List<MeasureGroup> groups = new ArrayList<>();
    for (int window : windowsDays) {
      List<Population> populations = new ArrayList<>(List.of(
          Population.standard("initial-population", "Discharges from " + kinds + " stays in the period, "
              + observed(window) + " days after them inside it" + (lastOfReadmissionsWithinDays > 0
                  ? ", only the last of stays readmitted within " + lastOfReadmissionsWithinDays + " days" : "")),
          Population.standard("denominator", "The initial population"),
          Population.standard("denominator-exclusion", "Under " + minimumAge + " on the discharge day, died within"
              + " the observed days" + (continuousCoverage == null ? ""
                  : ", or without continuous " + continuousCoverage + " coverage through them")),
          Population.standard("numerator", "Followed by " + followedBy + " within " + window + " days")));
      if (event == Event.FOLLOW_UP) {
        populations.add(Population.project(DUE, "Discharges whose " + window + " days have not ended on the"
            + " evaluation day, without a follow-up yet"));
      }
      groups.add(new MeasureGroup(window + "-day", "Discharges followed by " + followedBy + " on one of the "
          + window + " days after the discharge day", null, populations, Scores.PROPORTION, List.of(
              Stratifier.program("The program the client was enrolled in on the discharge day"),
              Stratifier.caseManager("That enrollment's case manager"))));
    }
    return groups;
  }
}
