package org.casemgmt.adapter.eligibility;

import java.util.List;

/**
 * The result of one criterion: the codes of the criterion-result CodeSystem. Unknown keeps missing evidence apart
 * from evidence that the criterion fails, and the combinators follow three-valued logic so that an unknown part only
 * matters where it could change the answer.
 */
public enum CriterionResult {
  MET("met"),
  NOT_MET("not-met"),
  UNKNOWN("unknown");

  public static final String CODE_SYSTEM = "https://fhir.casemgmt-adapter.org/CodeSystem/criterion-result";

  private final String code;

  CriterionResult(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Not met if any part is not met; otherwise unknown if any is unknown; otherwise met. */
  static CriterionResult allOf(List<CriterionResult> parts) {
    return parts.contains(NOT_MET) ? NOT_MET : parts.contains(UNKNOWN) ? UNKNOWN : MET;
  }

  /** Met if any part is met; otherwise unknown if any is unknown; otherwise not met. */
  static CriterionResult anyOf(List<CriterionResult> parts) {
    return parts.contains(MET) ? MET : parts.contains(UNKNOWN) ? UNKNOWN : NOT_MET;
  }

  /** Met if n parts are met; unknown if the unknown parts could still make up n; otherwise not met. */
  static CriterionResult atLeast(int n, List<CriterionResult> parts) {
    long met = parts.stream().filter(MET::equals).count();
    long unknown = parts.stream().filter(UNKNOWN::equals).count();
    return met >= n ? MET : met + unknown >= n ? UNKNOWN : NOT_MET;
  }
}
