package org.casemgmt.adapter.eligibility.evidence;

/** The kinds of psychiatric service use that impairment criteria count. */
public enum EpisodeKind {
  /** A psychiatric inpatient stay in a community hospital or psychiatric unit. */
  INPATIENT,
  /** A stay in a state psychiatric hospital; also counts as an inpatient episode. */
  STATE_HOSPITAL,
  /** An emergency-department visit with a psychiatric primary diagnosis that did not turn into an admission. */
  EMERGENCY,
  /** A behavioral-health crisis service (mobile crisis, crisis stabilization, crisis psychotherapy). */
  CRISIS
}
