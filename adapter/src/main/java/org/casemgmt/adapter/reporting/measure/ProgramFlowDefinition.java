package org.casemgmt.adapter.reporting.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.eligibility.DeterminationOutcome;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Population;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Stratifier;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A program-flow measure's rules ({@code program-flow:} in {@code config/measures.yml}): the eligibility
 * determinations made in the period by outcome, the enrollments begun in it, and the days from a referral to the
 * client's approval of the first ISP after it, for the ISPs approved in the period.
 *
 * @param referralType the referral-type code whose referrals start the clock (case-management: a referral in)
 * @param daysAggregates one continuous-variable group per way of summing the days up (cqfm-aggregateMethod codes:
 *     median, average)
 */
public record ProgramFlowDefinition(
    @DefaultValue("case-management") String referralType,
    @DefaultValue({"median", "average"}) List<String> daysAggregates) {

  static final String DETERMINATIONS = "determinations";
  static final String ENROLLMENTS = "enrollments";
  private static final Set<String> AGGREGATES = Set.of("median", "average");

  public ProgramFlowDefinition {
    if (!AGGREGATES.containsAll(daysAggregates)) {
      throw new IllegalArgumentException("a program-flow measure's days-aggregates are median or average, not "
          + daysAggregates);
    }
  }

  /** The id of the group of the days from referral to plan summed up one way ("referral-to-isp-median"). */
  static String daysGroup(String aggregate) {
    return "referral-to-isp-" + aggregate;
  }

  /** Determinations by outcome and enrollments begun (cohorts), then the days from referral to plan. */
  List<MeasureGroup> groups() {
    List<Population> outcomes = new ArrayList<>(List.of(Population.standard("initial-population",
        "Determinations made in the period (by their evaluation date), per client and program the latest made in it")));
    for (DeterminationOutcome outcome : DeterminationOutcome.values()) {
      outcomes.add(new Population(DeterminationOutcome.CODE_SYSTEM, outcome.code(), "Of them, those whose outcome"
          + " is " + outcome.code(), null));
    }
    List<MeasureGroup> groups = new ArrayList<>(List.of(
        new MeasureGroup(DETERMINATIONS, "Eligibility determinations made in the period, by outcome", null,
            outcomes, Scores.NONE, List.of(Stratifier.program("The program the determination is for"))),
        new MeasureGroup(ENROLLMENTS, "Enrollments begun in the period", null, List.of(Population.standard(
            "initial-population", "Enrollments (EpisodeOfCare active, on hold or finished) whose first day is in"
                + " the period")), Scores.NONE, List.of(Stratifier.program("The enrollment's program")))));
    for (String aggregate : daysAggregates) {
      groups.add(new MeasureGroup(daysGroup(aggregate), "Days from the " + referralType + " referral to the client's"
          + " approval of the first ISP after it, for the ISPs approved in the period: their " + aggregate,
          "continuous-variable", List.of(
              Population.standard("initial-population", "ISPs the client approved in the period (isp-approval"
                  + " date; the plan active, on hold or completed)"),
              Population.standard("measure-population", "Of them, those with a " + referralType + " referral"
                  + " authored on or before the approval and no other ISP approved since that referral"),
              new Population(MeasureGroup.STANDARD, "measure-observation", "Days from the latest such referral's"
                  + " authoredOn to the approval", aggregate)),
          Scores.days(aggregate), List.of(Stratifier.program("The referral's program (orderDetail), else the"
              + " enrollment in force on the approval day"))));
    }
    return groups;
  }
}
