package org.casemgmt.routes.enrollment;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the sender asks for a member (INS03) or one of their coverages (HD01): the X12 maintenance type codes this feed
 * takes. 002 (delete) and 032 (employee information not applicable) are not among them: a Medicaid enrollment is
 * ended, not deleted, and this feed has no employees.
 */
public enum MaintenanceType {
  /** 001: the member's data or coverage changed; the file states it as it is now. */
  CHANGE("001"),
  /** 021: a new member or coverage. */
  ADDITION("021"),
  /** 024: cancellation or termination: the coverage ends (on the benefit or eligibility end date). */
  TERMINATION("024"),
  /** 025: coverage that ended is in force again. */
  REINSTATEMENT("025"),
  /** 026: a correction of what was sent before (HD01 only); taken like a change. */
  CORRECTION("026"),
  /** 030: audit or compare: the member and coverage as they stand, typically in a full file. */
  AUDIT("030");

  private final String code;

  MaintenanceType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  static Optional<MaintenanceType> of(String code) {
    return Arrays.stream(values()).filter(type -> type.code.equals(code.trim())).findFirst();
  }
}
