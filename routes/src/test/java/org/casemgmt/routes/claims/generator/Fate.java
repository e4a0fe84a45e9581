package org.casemgmt.routes.claims.generator;

/**
 * What happens to an episode or an ordinary claim after it is billed. One fate each keeps the expectation plain:
 * a replaced or voided claim is never also denied.
 */
enum Fate {
  /** Billed once and paid (CSV) or just billed (837). */
  PLAIN,
  /** Followed by a replacement (frequency 7) naming it; the replacement stands in for it. */
  REPLACED,
  /** Followed by a void (frequency 8) naming it; neither counts. */
  VOIDED,
  /** The payer denied it (CSV status denied). */
  DENIED;

  boolean adjusts() {
    return this == REPLACED || this == VOIDED;
  }
}
