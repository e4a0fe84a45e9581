package org.casemgmt.adapter.reporting.mhcld;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The submissions of one file for one period. Its row is locked while a submission is made, so that two nodes (or
 * two requests) never send the same change twice, and it remembers the scheduled day last served, so that a
 * schedule firing on every node submits once.
 */
@Entity
@Table(name = "CM_MHCLD_SERIES")
class SubmissionSeries {
  /** "bci/2026-06-30": the file and the period's last day. */
  @Id
  @Column(name = "ID", length = 32)
  private String id;

  @Column(name = "SUBMISSIONS", nullable = false)
  private int submissions;

  @Column(name = "LAST_SUBMITTED_AT")
  private Instant lastSubmittedAt;

  @Column(name = "LAST_SCHEDULED_DAY")
  private LocalDate lastScheduledDay;

  protected SubmissionSeries() {}

  SubmissionSeries(String id) {
    this.id = id;
  }

  static String id(MhcldFile file, ReportingPeriod period) {
    return file.key() + "/" + period.end();
  }

  int submissions() {
    return submissions;
  }

  boolean served(LocalDate scheduledDay) {
    return scheduledDay != null && scheduledDay.equals(lastScheduledDay);
  }

  void submitted(Instant at) {
    submissions++;
    lastSubmittedAt = at;
  }

  /** The schedule's firing on this day is served (null: the submission was asked for, no schedule's). */
  void scheduledOn(LocalDate day) {
    if (day != null) {
      lastScheduledDay = day;
    }
  }
}
