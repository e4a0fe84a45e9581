package org.casemgmt.adapter.reporting.mhcld;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SHR's records, one row per case: the client's stays (kind:admitted..discharged, ';' between stays; S a state
 * hospital, I another psychiatric inpatient stay) in the period July 2025 to June 2026, the day they are read,
 * and the records expected (discharge readmission days 30-day 180-day, '-' for unknown, ';' between records).
 */
class StateHospitalReadmissionsTest {
  private static final ReportingPeriod PERIOD = ReportingPeriod.endingIn(2026, 7);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      readmitted on day 30: within both       | S:2025-08-01..2025-08-10;S:2025-09-09..2025-09-20 | 2027-06-01 | 2025-08-10 2025-09-09 30 yes yes;2025-09-20 - - no no
      readmitted on day 31: within 180 only   | S:2025-08-01..2025-08-10;S:2025-09-10..2025-09-20 | 2027-06-01 | 2025-08-10 2025-09-10 31 no yes;2025-09-20 - - no no
      readmitted on day 181: within neither   | S:2025-08-01..2025-08-10;S:2026-02-07..2026-02-20 | 2027-06-01 | 2025-08-10 2026-02-07 181 no no;2026-02-20 - - no no
      readmitted after the period is counted  | S:2026-06-01..2026-06-10;S:2026-07-01..2026-07-05 | 2027-06-01 | 2026-06-10 2026-07-01 21 yes yes
      a discharge before the period is none   | S:2025-06-01..2025-06-20;S:2025-07-10..2025-07-20 | 2027-06-01 | 2025-07-20 - - no no
      a stay still going on is no discharge   | S:2026-05-01..                                    | 2027-06-01 |
      other inpatient stays are no readmission | S:2025-08-01..2025-08-10;I:2025-08-15..2025-08-20 | 2027-06-01 | 2025-08-10 - - no no
      180 days not yet passed: unknown         | S:2026-06-01..2026-06-10                          | 2026-08-01 | 2026-06-10 - - no -
      30 days not yet passed: both unknown     | S:2026-06-01..2026-06-10                          | 2026-06-20 | 2026-06-10 - - - -
      """)
  void eachDischargeOfThePeriodWithTheNextAdmission(String description, String stays, LocalDate today,
      String expected) {
    List<PsychiatricEpisode> episodes = new ArrayList<>();
    for (String stay : stays.split(";")) {
      String[] days = stay.substring(2).split("\\.\\.", -1);
      episodes.add(new PsychiatricEpisode(stay.startsWith("S") ? EpisodeKind.STATE_HOSPITAL : EpisodeKind.INPATIENT,
          LocalDate.parse(days[0]), days[1].isEmpty() ? null : LocalDate.parse(days[1]), Origin.CLINICAL,
          "Encounter/" + episodes.size()));
    }

    List<String> records = StateHospitalReadmissions.of(episodes, PERIOD, today).stream()
        .map(StateHospitalReadmissionsTest::row).toList();

    assertThat(records).as(description)
        .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(";")));
  }

  private static String row(Map<String, List<String>> record) {
    return String.join(" ", List.of("discharge-date", "readmission-date", "days-to-readmission", "readmitted-30",
        "readmitted-180").stream().map(name -> record.get(name).isEmpty() ? "-" : record.get(name).get(0)).toList());
  }
}
