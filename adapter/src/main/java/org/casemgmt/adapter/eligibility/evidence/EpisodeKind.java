package org.casemgmt.adapter.eligibility.evidence;

/**
 * The kinds of psychiatric service use that impairment criteria count, each an Encounter type of the guide's
 * encounter-kind code system (the ADT feed decides it from the facility's psychiatric units, the claims feed from
 * bill types, revenue and procedure codes).
 */
public enum EpisodeKind {
  /** A psychiatric inpatient stay in a community hospital or psychiatric unit. */
  INPATIENT("psychiatric-inpatient"),
  /** A stay in a state psychiatric hospital; also counts as an inpatient episode. */
  STATE_HOSPITAL("state-psychiatric-hospital"),
  /** An emergency-department visit with a psychiatric primary diagnosis that did not turn into an admission. */
  EMERGENCY("psychiatric-emergency"),
  /** A behavioral-health crisis service (mobile crisis, crisis stabilization, crisis psychotherapy). */
  CRISIS("crisis-service");

  /** The guide's code system of Encounter kinds. */
  public static final String SYSTEM = org.casemgmt.profiles.ImplementationGuide.CANONICAL
      + "/CodeSystem/encounter-kind";

  private final String code;

  EpisodeKind(String code) {
    this.code = code;
  }

  /** Its code in {@link #SYSTEM}. */
  public String code() {
    return code;
  }
}
