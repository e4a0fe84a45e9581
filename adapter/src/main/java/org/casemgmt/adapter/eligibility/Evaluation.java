package org.casemgmt.adapter.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.SortedSet;
import java.util.TreeSet;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;

/**
 * One evaluation in progress: the evidence known on the evaluation date, and the later dates the judges noticed on
 * which their inputs change (evidence leaving a window, coverage ending), which bound how long the result holds.
 */
final class Evaluation {
  private final ClientEvidence evidence;
  private final LocalDate date;
  private final boolean countDeniedClaims;
  private final SortedSet<LocalDate> changeDates = new TreeSet<>();

  Evaluation(ClientEvidence evidence, LocalDate date, boolean countDeniedClaims) {
    this.evidence = evidence;
    this.date = date;
    this.countDeniedClaims = countDeniedClaims;
  }

  ClientEvidence evidence() {
    return evidence;
  }

  LocalDate date() {
    return date;
  }

  boolean countDeniedClaims() {
    return countDeniedClaims;
  }

  Lookback lookback(Period length) {
    return Lookback.of(length, date);
  }

  /** A judge's input changes on this day (null: never); only days after the evaluation date matter. */
  void inputsChangeOn(LocalDate day) {
    if (day != null && day.isAfter(date)) {
      changeDates.add(day);
    }
  }

  SortedSet<LocalDate> changeDates() {
    return changeDates;
  }
}
