package org.casemgmt.adapter.eligibility;

import java.time.LocalDate;
import java.time.Period;

/**
 * The window a criterion looks at, anchored at the evaluation date and closed at both ends: with a 24-month
 * lookback on 2026-03-01, evidence dated 2024-03-01 counts and evidence dated 2024-02-29 does not.
 *
 * @param from first day, or null for the whole history
 * @param to the evaluation date
 * @param length the configured lookback, or null for the whole history
 */
public record Lookback(LocalDate from, LocalDate to, Period length) {

  static Lookback of(Period length, LocalDate evaluationDate) {
    return new Lookback(length == null ? null : evaluationDate.minus(length), evaluationDate, length);
  }

  public boolean contains(LocalDate day) {
    return !day.isAfter(to) && (from == null || !day.isBefore(from));
  }

  /**
   * The first evaluation date on which evidence dated {@code day} has aged out of a window of this length, or null
   * when it never does. Month arithmetic clamps to month ends (2026-02-28 minus 24 months is 2024-02-28), so the
   * day is found by stepping rather than by adding the period back.
   */
  LocalDate agesOutOn(LocalDate day) {
    if (length == null) {
      return null;
    }
    LocalDate candidate = day.plus(length);
    while (!candidate.minus(length).isAfter(day)) {
      candidate = candidate.plusDays(1);
    }
    while (candidate.minusDays(1).minus(length).isAfter(day)) {
      candidate = candidate.minusDays(1);
    }
    return candidate;
  }
}
