package org.casemgmt.adapter.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lookback windows are closed at both ends and anchored at the evaluation date. */
class LookbackTest {

  @ParameterizedTest(name = "{1} back from {0}: {2} in = {3}")
  @CsvSource(textBlock = """
      2026-03-01, P24M, 2024-03-01, true
      2026-03-01, P24M, 2024-02-29, false
      2026-03-01, P24M, 2026-03-01, true
      2026-03-01, P24M, 2026-03-02, false
      2026-02-28, P12M, 2025-02-28, true
      2024-02-29, P12M, 2023-02-28, true
      2024-02-29, P12M, 2023-02-27, false
      2026-03-01, P90D, 2025-12-01, true
      2026-03-01, P90D, 2025-11-30, false
      """)
  void windowEdges(LocalDate evaluationDate, String length, LocalDate day, boolean contained) {
    assertThat(Lookback.of(Period.parse(length), evaluationDate).contains(day)).isEqualTo(contained);
  }

  @ParameterizedTest(name = "{1} dated {0} leaves a {1} window on {2}")
  @CsvSource(textBlock = """
      2024-03-01, P24M, 2026-03-02
      2024-02-29, P24M, 2026-03-01
      2025-03-31, P1M,  2025-05-01
      2025-01-31, P1M,  2025-03-01
      2025-12-01, P90D, 2026-03-02
      """)
  void theDayEvidenceAgesOut(LocalDate day, String length, LocalDate agesOut) {
    Lookback window = Lookback.of(Period.parse(length), day);

    assertThat(window.agesOutOn(day)).isEqualTo(agesOut);
    assertThat(Lookback.of(Period.parse(length), agesOut.minusDays(1)).contains(day)).as("the day before").isTrue();
    assertThat(Lookback.of(Period.parse(length), agesOut).contains(day)).as("that day").isFalse();
  }

  @Test
  void theWholeHistoryHasNoStartAndNeverAgesOut() {
    Lookback lifetime = Lookback.of(null, LocalDate.parse("2026-03-01"));

    assertThat(lifetime.contains(LocalDate.parse("1950-01-01"))).isTrue();
    assertThat(lifetime.contains(LocalDate.parse("2026-03-02"))).isFalse();
    assertThat(lifetime.agesOutOn(LocalDate.parse("1950-01-01"))).isNull();
  }
}
