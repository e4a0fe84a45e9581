package org.casemgmt.adapter.reporting.measure;

import org.casemgmt.adapter.reporting.Enrollment;
import java.time.LocalDate;
import java.util.List;

/**
 * What the program-flow measures read about one client: their eligibility determinations (the versions that may
 * have been made in the period), enrollments, referrals of the measure's type and approved ISPs.
 */
public record ProgramFlowFacts(String client, List<Determination> determinations, List<Enrollment> enrollments,
    List<Referral> referrals, List<Plan> plans) {

  /**
   * A determination as made, on its evaluation date (effectivePeriod.start).
   *
   * @param reference "Observation/5/_history/2"
   * @param version the version's number: of two made the same day, the later version is the later determination
   */
  public record Determination(String reference, String program, String outcome, LocalDate made, int version) {}

  /** A referral: the day it was authored and the program it names (orderDetail), or null. */
  public record Referral(String reference, LocalDate authored, String program) {}

  /** An ISP in force (active, on hold or completed) and the day the client approved it. */
  public record Plan(String reference, LocalDate approved) {}
}
