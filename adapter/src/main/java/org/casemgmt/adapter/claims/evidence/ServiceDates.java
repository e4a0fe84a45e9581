package org.casemgmt.adapter.claims.evidence;

import java.time.LocalDate;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;

/** The days a claim speaks of, read the same way by every rule where the source left one out. */
final class ServiceDates {

  private ServiceDates() {
  }

  /** The claim's first day of service; null only when the claim has no date at all. */
  static LocalDate firstDay(Claim claim) {
    return claim.from() != null ? claim.from() : claim.through();
  }

  static LocalDate lastDay(Claim claim) {
    return claim.through() != null ? claim.through() : claim.from();
  }

  /** Interim bills repeat the stay's admission date, which is what lines them up on one stay. */
  static LocalDate admission(Claim claim) {
    return claim.admissionDate() != null ? claim.admissionDate() : firstDay(claim);
  }

  /** The discharge date, else the last day billed (the patient may still be in); never before the admission. */
  static LocalDate discharge(Claim claim) {
    LocalDate discharge = claim.dischargeDate() != null ? claim.dischargeDate() : lastDay(claim);
    LocalDate admission = admission(claim);
    return discharge.isBefore(admission) ? admission : discharge;
  }

  /** The day of a line; an institutional line may give none, and then the claim's first day stands for it. */
  static LocalDate day(Claim claim, ClaimLine line) {
    return line.serviceFrom() != null ? line.serviceFrom() : firstDay(claim);
  }
}
