package org.casemgmt.adapter.eligibility.evidence;

/** How a diagnosis became known, which decides how it confirms a qualifying diagnosis. */
public enum DiagnosisSource {
  /** An active, confirmed Condition a clinician entered (problem list or encounter diagnosis). */
  CLINICIAN_CONDITION,
  /** A diagnosis on an institutional inpatient claim. */
  INPATIENT_CLAIM,
  /** A diagnosis on an outpatient or professional claim. */
  OUTPATIENT_CLAIM;

  boolean isClaim() {
    return this != CLINICIAN_CONDITION;
  }
}
