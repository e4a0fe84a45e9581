package org.casemgmt.adapter.reporting.mhcld;

import java.time.LocalDate;

/** A state's 12-month MH-CLD reporting period (its fiscal or the calendar year), named by the year it ends in. */
record ReportingPeriod(LocalDate start, LocalDate end) {

  /** The period ending in this year, for a period starting in this month. */
  static ReportingPeriod endingIn(int year, int startMonth) {
    LocalDate start = LocalDate.of(startMonth == 1 ? year : year - 1, startMonth, 1);
    return new ReportingPeriod(start, start.plusYears(1).minusDays(1));
  }

  /** The last period that ended before this day. */
  static ReportingPeriod lastEndedBefore(LocalDate day, int startMonth) {
    ReportingPeriod period = endingIn(day.getYear(), startMonth);
    return period.end().isBefore(day) ? period : endingIn(day.getYear() - 1, startMonth);
  }

  boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** Whether a span of days (end null: still going on) overlaps the period. */
  boolean overlaps(LocalDate from, LocalDate to) {
    return !from.isAfter(end) && (to == null || !to.isBefore(start));
  }
}
