package org.casemgmt.adapter.reporting;

import java.time.LocalDate;

/**
 * A client's enrollment in a program, as its EpisodeOfCare says: what puts a counted thing in a program's and a case
 * manager's stratum, and what the utilization and program-flow measures count.
 *
 * @param reference "EpisodeOfCare/9"
 * @param end null while open
 * @param caseManager "Practitioner/7", or null when none is assigned
 */
public record Enrollment(String reference, String program, LocalDate start, LocalDate end, String caseManager) {

  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && (end == null || !day.isAfter(end));
  }
}
