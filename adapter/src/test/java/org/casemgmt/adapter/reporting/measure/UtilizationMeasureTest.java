package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The utilization measure's rules, one row per test client of the calendar year 2026: their enrollments
 * ({@code program first..last}, open without a last day; program {@code tailored} counts denied claims, {@code smi}
 * does not), their episodes ({@code kind day}, {@code denied-} for an episode only denied claims show), and how each
 * enrollment counts: {@code compared N days: group before/during, ...}, {@code excluded N days} (too short), or
 * nothing outside the period. As configured: 12 months looked back, 3 months enrolled at least.
 */
class UtilizationMeasureTest {
  private static final LocalDate FROM = LocalDate.parse("2026-01-01");
  private static final LocalDate TO = LocalDate.parse("2026-12-31");
  private static final UtilizationDefinition UTILIZATION = new UtilizationDefinition(12, 3, groups());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      a stay 11 months before the enrollment counts before  | smi 2026-03-01..            | inpatient 2025-04-01                  | smi compared 306 days: hospitalizations 1/0, crisis-episodes 0/0
      a stay 13 months before does not                      | smi 2026-03-01..            | inpatient 2025-02-01                  | smi compared 306 days: hospitalizations 0/0, crisis-episodes 0/0
      a stay on the first day of the 12 months counts       | smi 2026-03-01..            | state 2025-03-01                      | smi compared 306 days: hospitalizations 1/0, crisis-episodes 0/0
      a crisis on the enrollment's first day is during      | smi 2026-03-01..            | crisis 2026-03-01                     | smi compared 306 days: hospitalizations 0/0, crisis-episodes 0/1
      a crisis the day before is before                     | smi 2026-03-01..            | crisis 2026-02-28                     | smi compared 306 days: hospitalizations 0/0, crisis-episodes 1/0
      a psychiatric emergency visit is a crisis episode     | smi 2026-03-01..            | emergency 2026-05-01                  | smi compared 306 days: hospitalizations 0/0, crisis-episodes 0/1
      nothing after the enrollment ended is during          | smi 2026-01-01..2026-06-30  | inpatient 2026-07-10; crisis 2026-06-30 | smi compared 181 days: hospitalizations 0/0, crisis-episodes 0/1
      nothing after the period is during                    | smi 2026-03-01..            | inpatient 2027-01-05                  | smi compared 306 days: hospitalizations 0/0, crisis-episodes 0/0
      an enrollment from before the period counts whole     | smi 2025-06-01..            | inpatient 2024-07-01; inpatient 2025-08-01; crisis 2025-12-01 | smi compared 579 days: hospitalizations 1/1, crisis-episodes 0/1
      two months enrolled by the period's end is too short  | smi 2026-11-01..            | inpatient 2026-05-01; crisis 2026-11-15 | smi excluded 61 days
      three months enrolled by the period's end is enough   | smi 2026-10-01..            | crisis 2026-10-02                     | smi compared 92 days: hospitalizations 0/0, crisis-episodes 0/1
      an enrollment that ended before the period            | smi 2025-01-01..2025-12-31  | inpatient 2025-06-01                  | -
      an enrollment that begins after the period            | smi 2027-01-02..            | inpatient 2026-06-01                  | -
      a denied claim's stay, for a program not counting it | smi 2026-03-01..            | denied-inpatient 2025-06-01           | smi compared 306 days: hospitalizations 0/0, crisis-episodes 0/0
      a denied claim's stay, for a program counting it     | tailored 2026-03-01..       | denied-inpatient 2025-06-01           | tailored compared 306 days: hospitalizations 1/0, crisis-episodes 0/0
      two enrollments, each compared on its own             | smi 2026-01-01..2026-04-30; tailored 2026-05-01.. | crisis 2026-02-01 | smi compared 120 days: hospitalizations 0/0, crisis-episodes 0/1; tailored compared 245 days: hospitalizations 0/0, crisis-episodes 1/0
      """)
  void enrollmentsAndTheirEpisodesBeforeAndDuring(String client, String enrollments, String episodes,
      String expected) {
    List<Counted> counted = new UtilizationMeasure(UTILIZATION, Set.of("tailored"))
        .evaluate(facts("Patient/1", enrollments, episodes), FROM, TO);

    assertThat(summary(counted)).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void theScoreIsTheRateDuringPer12MonthsEnrolledOverTheRateInThe12MonthsBefore() {
    // A full year enrolled with 2 stays before and 1 during; half a year (184 days) with 1 before and 1 during;
    // a client enrolled too briefly, whose stays count for nothing.
    List<Counted> counted = new ArrayList<>();
    UtilizationMeasure rules = new UtilizationMeasure(UTILIZATION, Set.of());
    counted.addAll(rules.evaluate(facts("Patient/1", "smi 2026-01-01..",
        "inpatient 2025-03-01; inpatient 2025-09-01; inpatient 2026-06-01"), FROM, TO));
    counted.addAll(rules.evaluate(facts("Patient/2", "tailored 2026-07-01..",
        "inpatient 2026-01-01; inpatient 2026-08-01"), FROM, TO));
    counted.addAll(rules.evaluate(facts("Patient/3", "smi 2026-12-01..", "inpatient 2026-06-01"), FROM, TO));

    MeasureReport report = MeasureReports.report("Measure/utilization", new MeasureDefinition("Use", null,
        "decrease", null, UTILIZATION, null), counted, FROM, TO, MeasureReport.MeasureReportType.SUMMARY, null,
        new Date());

    MeasureReport.MeasureReportGroupComponent hospitalizations = report.getGroup().get(0);
    assertThat(counts(hospitalizations.getPopulation())).isEqualTo("initial-population=3 denominator=2"
        + " denominator-exclusion=1 episodes-before-enrollment=3 episodes-during-enrollment=2");
    // 2 during in 549 days enrolled is 1.3306 a year; 3 before in 2 x 12 months is 1.5 a year.
    assertThat(hospitalizations.getMeasureScore().getValue()).isEqualByComparingTo("0.8871");
    MeasureReport.MeasureReportGroupStratifierComponent program = hospitalizations.getStratifier().get(0);
    assertThat(program.getStratum()).extracting(stratum -> stratum.getValue().getText())
        .containsExactly("smi", "tailored");
    // smi: 1 during in 365 days over 2 before in 12 months; tailored: 1 during in 184 days over 1 before.
    assertThat(program.getStratum().get(0).getMeasureScore().getValue()).isEqualByComparingTo("0.5003");
    assertThat(program.getStratum().get(1).getMeasureScore().getValue()).isEqualByComparingTo("1.9851");
    // No crisis episode before any enrollment: no rate to compare with, no score.
    assertThat(report.getGroup().get(1).hasMeasureScore()).isFalse();
    assertThat(report.getImprovementNotation().getCodingFirstRep().getCode()).isEqualTo("decrease");
  }

  /** As configured: hospitalizations, then crisis episodes (crisis services and psychiatric emergency visits). */
  private static Map<String, List<EpisodeKind>> groups() {
    Map<String, List<EpisodeKind>> groups = new LinkedHashMap<>();
    groups.put("hospitalizations", List.of(EpisodeKind.INPATIENT, EpisodeKind.STATE_HOSPITAL));
    groups.put("crisis-episodes", List.of(EpisodeKind.CRISIS, EpisodeKind.EMERGENCY));
    return groups;
  }

  private static ServiceUseFacts facts(String client, String enrollments, String episodes) {
    List<Enrollment> enrolled = new ArrayList<>();
    for (String enrollment : enrollments.split(";")) {
      String[] words = enrollment.trim().split(" ");
      String[] days = words[1].split("\\.\\.", -1);
      enrolled.add(new Enrollment("EpisodeOfCare/" + words[0], words[0], LocalDate.parse(days[0]),
          days[1].isBlank() ? null : LocalDate.parse(days[1]), null));
    }
    List<PsychiatricEpisode> used = new ArrayList<>();
    for (String episode : episodes.split(";")) {
      String[] words = episode.trim().split(" ");
      boolean denied = words[0].startsWith("denied-");
      EpisodeKind kind = switch (words[0].replace("denied-", "")) {
        case "inpatient" -> EpisodeKind.INPATIENT;
        case "state" -> EpisodeKind.STATE_HOSPITAL;
        case "emergency" -> EpisodeKind.EMERGENCY;
        default -> EpisodeKind.CRISIS;
      };
      LocalDate day = LocalDate.parse(words[1]);
      used.add(new PsychiatricEpisode(kind, day, day, denied ? Origin.DENIED_CLAIM : Origin.CLAIM,
          "Encounter/" + words[0] + "-" + day));
    }
    return new ServiceUseFacts(client, null, null, used, List.of(), List.of(), enrolled);
  }

  /** Per enrollment (in order): whether compared, its days, and per group its episodes before / during. */
  private static String summary(List<Counted> counted) {
    Map<String, List<Counted>> byEnrollment = counted.stream().filter(one -> one.in("initial-population"))
        .collect(Collectors.groupingBy(Counted::program, LinkedHashMap::new, Collectors.toList()));
    return byEnrollment.entrySet().stream().map(enrollment -> {
      Counted first = enrollment.getValue().get(0);
      String head = enrollment.getKey() + (first.in("denominator") ? " compared " : " excluded ") + first.value()
          + " days";
      if (!first.in("denominator")) {
        return head;
      }
      return head + ": " + enrollment.getValue().stream().map(group -> group.group() + " "
          + episodes(counted, group, UtilizationDefinition.BEFORE) + "/"
          + episodes(counted, group, UtilizationDefinition.DURING)).collect(Collectors.joining(", "));
    }).collect(Collectors.joining("; "));
  }

  private static long episodes(List<Counted> counted, Counted enrollment, String population) {
    return counted.stream().filter(one -> one.group().equals(enrollment.group()) && one.in(population)
        && one.program().equals(enrollment.program())).count();
  }

  private static String counts(List<MeasureReport.MeasureReportGroupPopulationComponent> populations) {
    return populations.stream().map(population -> population.getCode().getCodingFirstRep().getCode() + "="
        + population.getCount()).collect(Collectors.joining(" "));
  }
}
