package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import java.time.LocalDate;
import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.CoverageSpan;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;

/**
 * What the measures of hospital and crisis use (discharge, utilization) read about one client: their psychiatric
 * episodes (stays and visits), coverage, the days of their follow-up visits and their program enrollments.
 *
 * @param client "Patient/12"
 * @param birthDate null when unknown (then no minimum age is met)
 * @param died the day of death when recorded; a client who died by the end of a discharge's observed days is
 *     excluded
 * @param followUps the days of qualifying follow-up visits, with the Encounter each is (none unless asked for)
 */
public record ServiceUseFacts(String client, LocalDate birthDate, LocalDate died, List<PsychiatricEpisode> episodes,
    List<CoverageSpan> coverage, List<Visit> followUps, List<Enrollment> enrollments) {

  /** A follow-up visit: its day and the record. */
  public record Visit(LocalDate day, String reference) {}
}
