package org.casemgmt.routes.claims.generator;

/**
 * Claim identifiers (837 CLM01, CSV claim_id): the scenario that wrote the claim, the member's index and a running
 * number, e.g. {@code IP0000042-3}. Unique across all files of a run. The prefix lets a test pick out a scenario's
 * claims and check that they carry the codes the scenario meant, without trusting those codes to find them.
 */
final class ClaimIds {
  /** A bill of a psychiatric inpatient stay (TOB 011x). */
  static final String INPATIENT = "IP";
  /** A psychiatrist's claim for visits during a stay (POS 51). */
  static final String ROUNDING = "RD";
  /** A psychiatric emergency visit: the facility's 0131 bill or the ED physician's POS 23 claim. */
  static final String EMERGENCY = "ER";
  /** A crisis service. */
  static final String CRISIS = "CR";
  /** An ordinary office visit. */
  static final String OFFICE_VISIT = "OV";
  /** Outpatient psychotherapy or medication management of a member with a psychiatric history. */
  static final String PSYCHOTHERAPY = "PT";
  /** An ordinary hospital outpatient bill (TOB 0131). */
  static final String OUTPATIENT = "OP";
  /** An emergency visit that is not psychiatric (TOB 0131, revenue 0450). */
  static final String MEDICAL_EMERGENCY = "ED";
  /** Suffix of a replacement's id; the replacement names its original in REF*F8 / original_claim_id. */
  static final String REPLACEMENT = "R";
  /** Suffix of a void's id. */
  static final String VOID = "V";

  private final String member;
  private int next = 1;

  ClaimIds(int memberIndex) {
    this.member = String.format("%07d", memberIndex);
  }

  String next(String scenario) {
    return scenario + member + "-" + next++;
  }
}
