package org.casemgmt.adapter.reporting.measure;

import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Population;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Stratifier;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A utilization measure's rules ({@code utilization:} in {@code config/measures.yml}): psychiatric service use in
 * the months before each enrollment against the use during it, one group per kind of use.
 *
 * @param lookbackMonths the months before an enrollment's first day whose episodes are its "before"
 * @param minimumMonthsEnrolled an enrollment is compared once it has run this many months by its end or the
 *     period's; a shorter one is a denominator exclusion (a few weeks' rate says little)
 * @param episodeGroups the groups by id, each with the episode kinds it counts
 */
public record UtilizationDefinition(
    @DefaultValue("12") int lookbackMonths,
    @DefaultValue("3") int minimumMonthsEnrolled,
    Map<String, List<EpisodeKind>> episodeGroups) {

  static final String BEFORE = "episodes-before-enrollment";
  static final String DURING = "episodes-during-enrollment";

  public UtilizationDefinition {
    if (lookbackMonths < 1 || minimumMonthsEnrolled < 0 || episodeGroups == null || episodeGroups.isEmpty()
        || episodeGroups.values().stream().anyMatch(kinds -> kinds == null || kinds.isEmpty())) {
      throw new IllegalArgumentException("a utilization measure names its episode-groups (each with episode kinds)"
          + " and a lookback-months of at least 1");
    }
  }

  /** One group per kind of use: enrollments compared and excluded, the episodes before and during, a rate ratio. */
  List<MeasureGroup> groups() {
    return episodeGroups.entrySet().stream().map(group -> {
      String kinds = String.join(" or ", group.getValue().stream().map(EpisodeKind::code).toList());
      return new MeasureGroup(group.getKey(), "Episodes (" + kinds + ") beginning during enrollment per 12 months"
          + " enrolled, over those beginning in the " + lookbackMonths + " months before it per 12 months: below 1,"
          + " fewer during enrollment", null, List.of(
              Population.standard("initial-population", "Enrollments in a program (EpisodeOfCare active, on hold"
                  + " or finished) whose period overlaps the measurement period"),
              Population.standard("denominator", "The enrollments compared: " + minimumMonthsEnrolled + " months"
                  + " or more from their first day to their end or the period's end"),
              Population.standard("denominator-exclusion", "Enrollments of fewer than " + minimumMonthsEnrolled
                  + " months by then"),
              Population.project(BEFORE, "Episodes (" + kinds + ") that began in the " + lookbackMonths
                  + " months before a compared enrollment's first day"),
              Population.project(DURING, "Episodes (" + kinds + ") that began from a compared enrollment's first"
                  + " day to its end or the period's end")),
          Scores.rateRatio(lookbackMonths, BEFORE, DURING), List.of(
              Stratifier.program("The enrollment's program"),
              Stratifier.caseManager("The enrollment's case manager")));
    }).toList();
  }
}
