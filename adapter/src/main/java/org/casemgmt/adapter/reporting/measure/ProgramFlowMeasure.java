package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.adapter.reporting.measure.ProgramFlowFacts.Determination;
import org.casemgmt.adapter.reporting.measure.ProgramFlowFacts.Plan;
import org.casemgmt.adapter.reporting.measure.ProgramFlowFacts.Referral;

/**
 * A program-flow measure's rules applied to one client's facts. A client re-evaluated in the period (new evidence
 * makes a new version) counts once per program, with the outcome of the latest determination made in the period: the
 * service's upkeep is not a decision. The days to a plan run from the latest referral authored on or before its
 * approval, and only the first plan approved after that referral counts them (a revised plan is not a new wait).
 */
final class ProgramFlowMeasure {
  private static final Set<String> OBSERVED = Set.of("initial-population", "measure-population",
      "measure-observation");
  private final ProgramFlowDefinition definition;

  ProgramFlowMeasure(ProgramFlowDefinition definition) {
    this.definition = definition;
  }

  List<Counted> evaluate(ProgramFlowFacts facts, LocalDate from, LocalDate to) {
    List<Counted> counted = new ArrayList<>();
    Map<String, Optional<Determination>> latest = facts.determinations().stream()
        .filter(determination -> within(determination.made(), from, to))
        .collect(Collectors.groupingBy(Determination::program, Collectors.maxBy(
            Comparator.comparing(Determination::made).thenComparing(Determination::version))));
    latest.values().stream().flatMap(Optional::stream).forEach(made -> counted.add(new Counted(
        ProgramFlowDefinition.DETERMINATIONS, facts.client(), made.program(), null,
        Set.of("initial-population", made.outcome()), null, made.made(),
        made.reference() + " made " + made.made() + ": " + made.outcome())));
    facts.enrollments().stream().filter(enrollment -> within(enrollment.start(), from, to))
        .forEach(enrollment -> counted.add(new Counted(ProgramFlowDefinition.ENROLLMENTS, facts.client(),
            enrollment.program(), enrollment.caseManager(), Set.of("initial-population"), null, enrollment.start(),
            enrollment.reference() + " (" + enrollment.program() + ") began " + enrollment.start())));
    List<Plan> plans = facts.plans().stream()
        .sorted(Comparator.comparing(Plan::approved).thenComparing(Plan::reference)).toList();
    for (int i = 0; i < plans.size(); i++) {
      if (within(plans.get(i).approved(), from, to)) {
        Counted plan = plan(facts, plans, i);
        definition.daysAggregates().forEach(aggregate -> counted.add(new Counted(
            ProgramFlowDefinition.daysGroup(aggregate), plan.client(), plan.program(), null, plan.populations(),
            plan.value(), plan.day(), plan.detail())));
      }
    }
    return counted;
  }

  /** The i-th plan: in the measure population with its days when it is the first approved after its referral. */
  private static Counted plan(ProgramFlowFacts facts, List<Plan> plans, int i) {
    Plan plan = plans.get(i);
    Optional<Referral> referral = facts.referrals().stream()
        .filter(candidate -> !candidate.authored().isAfter(plan.approved()))
        .max(Comparator.comparing(Referral::authored));
    boolean first = referral.isPresent() && plans.subList(0, i).stream()
        .noneMatch(earlier -> !earlier.approved().isBefore(referral.get().authored()));
    String program = referral.map(Referral::program).or(() -> facts.enrollments().stream()
        .filter(enrollment -> enrollment.covers(plan.approved())).map(Enrollment::program).findFirst()).orElse(null);
    String detail = plan.reference() + " approved " + plan.approved();
    if (!first) {
      return new Counted(null, facts.client(), program, null, Set.of("initial-population"), null, plan.approved(),
          detail + referral.map(found -> ", not the first plan approved after " + found.reference())
              .orElse(", no referral before it"));
    }
    long days = ChronoUnit.DAYS.between(referral.get().authored(), plan.approved());
    return new Counted(null, facts.client(), program, null, OBSERVED, BigDecimal.valueOf(days), plan.approved(),
        detail + ", " + days + " day(s) after " + referral.get().reference() + " (authored "
            + referral.get().authored() + ")");
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
