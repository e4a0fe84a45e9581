package org.casemgmt.adapter.eligibility.evidence;

/** Who pays, as far as eligibility cares. */
public enum PayerKind {
  MEDICAID,
  /** State or block-grant funding for people without Medicaid. */
  STATE_FUNDED,
  /** Any other coverage (Medicare, commercial): known, but never satisfies a payer criterion on its own. */
  OTHER
}
