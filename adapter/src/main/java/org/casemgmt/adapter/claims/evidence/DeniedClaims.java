package org.casemgmt.adapter.claims.evidence;

/**
 * What to do with claims the payer denied. A denial still shows that a service happened (REFERENCE 1.2.3), so the
 * default keeps them, flagged, and leaves counting them to each eligibility program.
 */
public enum DeniedClaims {
  /**
   * Keep denied claims and flag what rests on them alone ({@link ClaimEpisode#denied()},
   * {@link ClaimDiagnosis#deniedOnly()}).
   */
  MARK,
  /** Drop denied claims before any rule reads them. */
  IGNORE
}
