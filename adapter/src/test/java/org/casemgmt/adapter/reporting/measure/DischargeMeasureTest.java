package org.casemgmt.adapter.reporting.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.evidence.CoverageSpan;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.reporting.measure.DischargeOutcome.Result;
import org.casemgmt.adapter.reporting.measure.DischargeDefinition.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The discharge measures' rules, one row per test client of the calendar year 2026: their stays, follow-up visits,
 * Medicaid coverage and birth date, and how each discharge counts in each group ({@code num}: numerator, {@code den}:
 * denominator without the event, {@code excl}: excluded, {@code out}: not in the initial population,
 * {@code open:N}: window still open with N days left). FUH as configured: 7 and 30 days, discharges observed 30 days,
 * only the last of readmissions within 30 days, age 6, continuous Medicaid.
 */
class DischargeMeasureTest {
  private static final LocalDate FROM = LocalDate.parse("2026-01-01");
  private static final LocalDate TO = LocalDate.parse("2026-12-31");
  private static final DischargeDefinition FUH = new DischargeDefinition(
      List.of(EpisodeKind.INPATIENT, EpisodeKind.STATE_HOSPITAL), Event.FOLLOW_UP, List.of(7, 30), 30, 30, 6,
      PayerKind.MEDICAID, List.of("AMB"));
  private static final DischargeDefinition READMISSION = new DischargeDefinition(
      List.of(EpisodeKind.INPATIENT, EpisodeKind.STATE_HOSPITAL), Event.READMISSION, List.of(30, 180), null, 0, 0,
      null, List.of());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      follow-up on day 3                 | 03-01..03-10                     | 03-13       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=num 30=num
      follow-up on the discharge day     | 03-01..03-10                     | 03-10       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=den 30=den
      follow-up on day 7, then day 8     | 03-01..03-10                     | 03-17       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=num 30=num
      follow-up on day 10                | 03-01..03-10                     | 03-20       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=den 30=num
      follow-up on day 31                | 03-01..03-10                     | 04-10       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=den 30=den
      readmitted within 30 days          | 03-01..03-10;03-25..04-02        | 04-05       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-04-02 7=num 30=num
      readmitted after 30 days           | 03-01..03-10;04-20..04-25        | 03-12       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=num 30=num; 2026-04-25 7=den 30=den
      a gap in Medicaid after discharge  | 03-01..03-10                     | 03-12       | 01-01..03-20 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=excl 30=excl
      Medicaid begins after discharge    | 03-01..03-10                     | 03-12       | 03-11..12-31 | 1980-05-01 | 2027-01-15 | 2026-03-10 7=excl 30=excl
      five years old at discharge        | 03-01..03-10                     | 03-12       | 01-01..12-31 | 2021-01-01 | 2027-01-15 | 2026-03-10 7=excl 30=excl
      discharged December 15             | 12-10..12-15                     | 12-16       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | -
      discharged December 1              | 11-20..12-01                     | 12-05       | 01-01..12-31 | 1980-05-01 | 2027-01-15 | 2026-12-01 7=num 30=num
      still in hospital                  | 12-10..                          | -           | 01-01..12-31 | 1980-05-01 | 2027-01-15 | -
      discharged last year               | 2025-12-01..2025-12-20           | -           | 01-01..12-31 | 1980-05-01 | 2027-01-15 | -
      open on the evaluation day         | 12-10..12-15                     | -           | 01-01..12-31 | 1980-05-01 | 2026-12-20 | 2026-12-15 7=out,open:2 30=out,open:25
      followed up before evaluation day  | 12-10..12-15                     | 12-18       | 01-01..12-31 | 1980-05-01 | 2026-12-20 | -
      """)
  void followUpAfterHospitalization(String client, String stays, String visits, String medicaid, String birth,
      String today, String expected) {
    assertThat(outcomes(FUH, stays, visits, medicaid, birth, today, null)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      no readmission                   | 03-01..03-10                       | 2026-03-10 30=den 180=den
      readmitted on day 20             | 03-01..03-10;03-30..04-02          | 2026-03-10 30=num 180=num; 2026-04-02 30=den 180=den
      readmitted on day 41             | 03-01..03-10;04-20..04-25          | 2026-03-10 30=den 180=num; 2026-04-25 30=den 180=den
      discharged in September          | 09-01..09-10                       | 2026-09-10 30=den 180=out
      """)
  void readmission(String client, String stays, String expected) {
    assertThat(outcomes(READMISSION, stays, null, null, "1980-05-01", "2027-12-31", null)).isEqualTo(expected);
  }

  /** Death is checked against the observed days (30), the same for both groups. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      died on day 12      | 2026-03-22 | 2026-03-10 7=excl 30=excl
      died the next year  | 2027-03-22 | 2026-03-10 7=num 30=num
      """)
  void deathWithinTheObservedDaysExcludes(String client, String died, String expected) {
    assertThat(outcomes(FUH, "03-01..03-10", "03-12", "01-01..12-31", "1980-05-01", "2027-01-15",
        LocalDate.parse(died))).isEqualTo(expected);
  }

  private static String outcomes(DischargeDefinition definition, String stays, String visits, String medicaid,
      String birth, String today, LocalDate died) {
    List<PsychiatricEpisode> episodes = new ArrayList<>();
    int n = 0;
    for (String stay : stays.split(";")) {
      String[] days = stay.split("\\.\\.", -1);
      episodes.add(new PsychiatricEpisode(EpisodeKind.INPATIENT, day(days[0]),
          days[1].isBlank() ? null : day(days[1]), Origin.CLINICAL, "Encounter/stay" + n++));
    }
    List<ServiceUseFacts.Visit> followUps = visits == null ? List.of() : Arrays.stream(visits.split(";"))
        .map(visit -> new ServiceUseFacts.Visit(day(visit), "Encounter/visit-" + visit)).toList();
    List<CoverageSpan> coverage = medicaid == null ? List.of() : List.of(new CoverageSpan(PayerKind.MEDICAID,
        day(medicaid.split("\\.\\.")[0]), day(medicaid.split("\\.\\.")[1]), "Coverage/1"));
    ServiceUseFacts facts = new ServiceUseFacts("Patient/1", LocalDate.parse(birth), died, episodes, coverage,
        followUps, List.of());
    return new DischargeMeasure(definition).evaluate(facts, FROM, TO, LocalDate.parse(today)).stream()
        .map(outcome -> outcome.discharged() + " " + outcome.groups().entrySet().stream()
            .map(group -> group.getKey() + "=" + state(group.getValue())).collect(Collectors.joining(" ")))
        .collect(Collectors.joining("; "));
  }

  private static String state(Result result) {
    String state = !result.initial() ? "out" : result.exclusion() != null ? "excl"
        : result.event() != null ? "num" : "den";
    return result.daysLeft() == null ? state : state + ",open:" + result.daysLeft();
  }

  /** "03-10" is a day of 2026; a full date is taken as it is. */
  private static LocalDate day(String text) {
    return LocalDate.parse(text.length() == 5 ? "2026-" + text : text);
  }
}
