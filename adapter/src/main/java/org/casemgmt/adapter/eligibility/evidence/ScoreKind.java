package org.casemgmt.adapter.eligibility.evidence;

/** The assessment scores impairment criteria read (assessment-score Observations). */
public enum ScoreKind {
  /** Functional assessment total, 8-40 (functional-assessment#total-score); higher is better functioning. */
  FUNCTIONAL_ASSESSMENT_TOTAL,
  /** Functional assessment mean, 1.00-5.00 (functional-assessment#mean-score); higher is better functioning. */
  FUNCTIONAL_ASSESSMENT_MEAN,
  /** PHQ-9 total, 0-27 (LOINC 44261-6); higher is more severe depression. */
  PHQ9_TOTAL
}
