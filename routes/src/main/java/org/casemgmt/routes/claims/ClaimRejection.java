package org.casemgmt.routes.claims;

import org.casemgmt.routes.x12.X12Fault;

/**
 * Why a claim, or a whole X12 transaction set, was not read, and where: the segment, its position in the transaction
 * set (as a 999 acknowledgement counts it, ST = 1), the element, the line; for CSV the line and the column.
 *
 * <p>The {@link #reason()} may quote the offending value (a birth date, a member id), which can be PHI: it belongs in
 * the error table and the file's report, not in logs. {@link #toString()} leaves values out.
 *
 * @param scope           a claim, or every claim of a transaction set (bad envelope, unsupported transaction)
 * @param claimId         CLM01 / claim_id when it could be read, else null
 * @param memberId        the member's id (2010BA NM109 / member_id) when it could be read, else null: the sender
 *                        finds the claim by it; an identifier, fit for the report, never for logs
 * @param segmentId       the X12 segment at fault ({@code DTP}); null for CSV
 * @param segmentPosition X12: position of that segment in its transaction set, ST = 1; 0 for envelope segments
 *                        outside a transaction set (GE, IEA) and for CSV
 * @param element         the X12 element reference ({@code DTP03}, {@code CLM05-3}) or the CSV column; null when the
 *                        whole segment, loop or row is meant
 * @param line            the line of the file the fault is on, 1-based
 */
public record ClaimRejection(
    Scope scope,
    String claimId,
    String memberId,
    String segmentId,
    int segmentPosition,
    String element,
    int line,
    String reason) {

  /** What the rejection covers. */
  public enum Scope {
    /** One claim; the rest of its transaction set or file was read. */
    CLAIM,
    /** Every claim of one X12 transaction set (ST to SE). */
    TRANSACTION_SET
  }

  /** The rejection of a claim, or of every claim of a transaction set, for a fault found in an X12 file. */
  public static ClaimRejection of(X12Fault fault, Scope scope, String claimId, String memberId) {
    return new ClaimRejection(scope, claimId, memberId, fault.segmentId(), fault.segmentPosition(), fault.element(),
        fault.line(), fault.reason());
  }

  /** Where, without values: {@code DTP03 (segment 24, line 26)}, {@code line 5 column from_date}. */
  public String location() {
    if (segmentId == null) {
      return "line " + line + (element == null ? "" : " column " + element);
    }
    String what = element == null ? segmentId : element;
    return what + " (" + (segmentPosition > 0 ? "segment " + segmentPosition + ", " : "") + "line " + line + ")";
  }

  @Override
  public String toString() {
    return scope + " " + (claimId == null ? "" : "claim " + claimId + " ") + "rejected at " + location();
  }
}
