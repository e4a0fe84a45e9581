package org.casemgmt.routes.enrollment;

import org.casemgmt.routes.x12.X12Fault;

/**
 * Why a member, or a whole transaction set, was not read, and where. The reason may quote the offending value (a
 * birth date, a member id), which can be PHI: it belongs in the rejection table and the file's report, not in logs.
 *
 * @param memberId the member's Medicaid id when it could be read, else null
 */
public record MemberRejection(Scope scope, String memberId, X12Fault fault) {

  /** What the rejection covers. */
  public enum Scope {
    /** One member (an INS loop); the rest of the transaction set was read. */
    MEMBER,
    /** Every member of one transaction set (ST to SE). */
    TRANSACTION_SET
  }

  /** Where, without values: {@code DTP03 (segment 24, line 26)}. */
  public String location() {
    return fault.location();
  }

  public String reason() {
    return fault.reason();
  }

  @Override
  public String toString() {
    return scope + " rejected at " + location();
  }
}
