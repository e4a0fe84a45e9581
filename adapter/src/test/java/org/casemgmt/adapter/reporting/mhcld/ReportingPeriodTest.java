package org.casemgmt.adapter.reporting.mhcld;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A state's reporting period, named by the year it ends in, and the last one ended by a day. */
class ReportingPeriodTest {

  @ParameterizedTest(name = "start month {0}, {1}: {2}..{3}")
  @CsvSource(textBlock = """
      7,  2026-12-04, 2025-07-01, 2026-06-30
      7,  2026-06-30, 2024-07-01, 2025-06-30
      7,  2026-07-01, 2025-07-01, 2026-06-30
      1,  2026-12-04, 2025-01-01, 2025-12-31
      1,  2026-01-01, 2025-01-01, 2025-12-31
      10, 2026-12-04, 2025-10-01, 2026-09-30
      """)
  void theLastPeriodEndedBeforeTheDay(int startMonth, LocalDate day, LocalDate start, LocalDate end) {
    ReportingPeriod period = ReportingPeriod.lastEndedBefore(day, startMonth);

    assertThat(period).isEqualTo(new ReportingPeriod(start, end));
    assertThat(ReportingPeriod.endingIn(end.getYear(), startMonth)).isEqualTo(period);
  }
}
