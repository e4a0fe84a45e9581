package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The program-flow measure's rules, one row per test client of the calendar year 2026: their determinations
 * ({@code program outcome made version}), enrollments ({@code program first..}), referrals to case management
 * ({@code authored program}) and approved ISPs ({@code approved}), and what counts: the determinations
 * ({@code program outcome}), the enrollments begun ({@code program}) and each ISP approved in the period with its
 * days from the referral ({@code program N days}, or {@code program -} outside the measure population).
 */
class ProgramFlowMeasureTest {
  private static final LocalDate FROM = LocalDate.parse("2026-01-01");
  private static final LocalDate TO = LocalDate.parse("2026-12-31");
  private static final ProgramFlowDefinition FLOW = new ProgramFlowDefinition("case-management",
      List.of("median", "average"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      a determination made in the period               | smi eligible 2026-03-01 1       | -                | -                 | -          | determinations: smi eligible
      a determination made before the period           | smi eligible 2025-12-31 1       | -                | -                 | -          | -
      re-evaluated in the period: the latest counts    | smi insufficient-information 2026-02-01 1; smi eligible 2026-04-01 2 | - | - | - | determinations: smi eligible
      re-evaluated after the period: the one in it     | smi not-eligible 2026-11-01 1; smi eligible 2027-01-10 2 | - | - | - | determinations: smi not-eligible
      two made the same day: the later version         | smi not-eligible 2026-03-01 1; smi eligible 2026-03-01 2 | - | - | - | determinations: smi eligible
      one per program                                  | smi eligible 2026-03-01 1; tailored not-eligible 2026-05-01 1 | - | - | - | determinations: smi eligible, tailored not-eligible
      an enrollment begun in the period                | -                               | smi 2026-02-01.. | -                 | -          | enrollments: smi
      an enrollment begun before the period            | -                               | smi 2025-12-01.. | -                 | -          | -
      a referral and the plan 22 days later            | -                               | -                | 2026-01-10 smi    | 2026-02-01 | plans: smi 22 days
      a plan approved the day of the referral          | -                               | -                | 2026-02-01 smi    | 2026-02-01 | plans: smi 0 days
      a referral after the plan starts no clock        | -                               | -                | 2026-03-01 smi    | 2026-02-01 | plans: none -
      the latest referral before the plan              | -                               | -                | 2025-06-01 smi; 2026-03-01 tailored | 2026-03-31 | plans: tailored 30 days
      a revised plan after the same referral           | -                               | -                | 2026-01-10 smi    | 2026-02-01; 2026-06-01 | plans: smi 22 days, smi -
      the first plan before the period, a revision in it | -                             | -                | 2025-11-01 smi    | 2025-12-01; 2026-03-01 | plans: smi -
      a new referral after a first plan starts anew    | -                               | -                | 2025-11-01 smi; 2026-04-01 smi | 2025-12-01; 2026-04-11 | plans: smi 10 days
      a plan without a referral: its enrollment's program | -                            | tailored 2025-06-01.. | -            | 2026-03-01 | plans: tailored -
      a plan approved after the period                 | -                               | -                | 2026-12-01 smi    | 2027-01-02 | -
      """)
  void determinationsEnrollmentsAndDaysToThePlan(String client, String determinations, String enrollments,
      String referrals, String plans, String expected) {
    List<Counted> counted = new ProgramFlowMeasure(FLOW).evaluate(facts("Patient/1", determinations, enrollments,
        referrals, plans), FROM, TO);

    assertThat(summary(counted)).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void theDaysAreSummedUpAsTheMedianAndTheAverageOfTheMeasurePopulation() {
    List<Counted> counted = new ArrayList<>();
    ProgramFlowMeasure rules = new ProgramFlowMeasure(FLOW);
    // Referral to plan in 10, 20, 40 and 100 days; a plan without a referral; outcomes of four determinations.
    String[][] clients = {
        {"smi eligible 2026-02-01 1", "2026-01-01 smi", "2026-01-11"},
        {"smi eligible 2026-03-01 1", "2026-02-01 smi", "2026-02-21"},
        {"tailored not-eligible 2026-03-01 1", "2026-03-01 tailored", "2026-04-10"},
        {"smi insufficient-information 2026-05-01 1", "2026-05-01 smi", "2026-08-09"},
        {null, null, "2026-09-01"}};
    for (int i = 0; i < clients.length; i++) {
      counted.addAll(rules.evaluate(facts("Patient/" + i, clients[i][0], null, clients[i][1], clients[i][2]), FROM,
          TO));
    }

    MeasureReport report = MeasureReports.report("Measure/program-flow", new MeasureDefinition("Flow", null, null,
        null, null, FLOW), counted, FROM, TO, MeasureReport.MeasureReportType.SUMMARY, null, new Date());

    assertThat(counts(report, "determinations")).isEqualTo("initial-population=4 eligible=2 not-eligible=1"
        + " insufficient-information=1");
    assertThat(report.getGroup().get(0).hasMeasureScore()).isFalse();
    assertThat(counts(report, "referral-to-isp-median"))
        .isEqualTo("initial-population=5 measure-population=4 measure-observation=4");
    // The median of an even count is the mean of the middle two: (20 + 40) / 2.
    assertThat(score(report, "referral-to-isp-median")).isEqualTo("30.0 d");
    assertThat(score(report, "referral-to-isp-average")).isEqualTo("42.5 d");
    MeasureReport.MeasureReportGroupStratifierComponent program = group(report, "referral-to-isp-median")
        .getStratifier().get(0);
    assertThat(program.getStratum()).extracting(stratum -> stratum.getValue().getText() + " "
        + (stratum.hasMeasureScore() ? stratum.getMeasureScore().getValue().toPlainString() : "-"))
        .containsExactly("none -", "smi 20.0", "tailored 40.0");
    assertThat(report.hasImprovementNotation()).isFalse();
  }

  private static ProgramFlowFacts facts(String client, String determinations, String enrollments,
      String referrals, String plans) {
    return new ProgramFlowFacts(client,
        items(determinations).stream().map(words -> new ProgramFlowFacts.Determination("Observation/" + words[0],
            words[0], words[1], LocalDate.parse(words[2]), Integer.parseInt(words[3]))).toList(),
        items(enrollments).stream().map(words -> new Enrollment("EpisodeOfCare/" + words[0], words[0],
            LocalDate.parse(words[1].replace("..", "")), null, null)).toList(),
        items(referrals).stream().map(words -> new ProgramFlowFacts.Referral("ServiceRequest/" + words[0],
            LocalDate.parse(words[0]), words[1])).toList(),
        items(plans).stream().map(words -> new ProgramFlowFacts.Plan("CarePlan/" + words[0],
            LocalDate.parse(words[0]))).toList());
  }

  private static List<String[]> items(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(";")).map(item -> item.trim().split(" "))
        .toList();
  }

  /** What each group counted for the client (the days' groups shown once: they count the same plans). */
  private static String summary(List<Counted> counted) {
    List<String> parts = new ArrayList<>();
    String determinations = counted.stream().filter(one -> one.group().equals("determinations"))
        .map(one -> one.program() + " " + one.populations().stream().filter(p -> !p.equals("initial-population"))
            .findFirst().orElseThrow()).sorted().collect(Collectors.joining(", "));
    String enrollments = counted.stream().filter(one -> one.group().equals("enrollments")).map(Counted::program)
        .collect(Collectors.joining(", "));
    String plans = counted.stream().filter(one -> one.group().equals("referral-to-isp-median"))
        .map(one -> (one.program() == null ? "none" : one.program()) + " "
            + (one.in("measure-observation") ? one.value() + " days" : "-"))
        .collect(Collectors.joining(", "));
    assertThat(counted.stream().filter(one -> one.group().equals("referral-to-isp-average")).count())
        .isEqualTo(counted.stream().filter(one -> one.group().equals("referral-to-isp-median")).count());
    if (!determinations.isEmpty()) {
      parts.add("determinations: " + determinations);
    }
    if (!enrollments.isEmpty()) {
      parts.add("enrollments: " + enrollments);
    }
    if (!plans.isEmpty()) {
      parts.add("plans: " + plans);
    }
    return String.join("; ", parts);
  }

  private static MeasureReport.MeasureReportGroupComponent group(MeasureReport report, String id) {
    return report.getGroup().stream().filter(group -> group.getId().equals(id)).findFirst().orElseThrow();
  }

  private static String counts(MeasureReport report, String id) {
    return group(report, id).getPopulation().stream().map(population -> population.getCode().getCodingFirstRep()
        .getCode() + "=" + population.getCount()).collect(Collectors.joining(" "));
  }

  private static String score(MeasureReport report, String id) {
    return group(report, id).getMeasureScore().getValue().toPlainString() + " "
        + group(report, id).getMeasureScore().getCode();
  }
}
