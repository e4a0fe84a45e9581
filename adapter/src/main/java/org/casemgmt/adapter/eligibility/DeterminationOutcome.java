package org.casemgmt.adapter.eligibility;

/** The outcome of a determination: the codes of the determination-outcome CodeSystem. */
public enum DeterminationOutcome {
  ELIGIBLE("eligible"),
  NOT_ELIGIBLE("not-eligible"),
  INSUFFICIENT_INFORMATION("insufficient-information");

  public static final String CODE_SYSTEM = "https://fhir.casemgmt-adapter.org/CodeSystem/determination-outcome";

  private final String code;

  DeterminationOutcome(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The outcome when the program's required criteria, taken together, have this result. */
  static DeterminationOutcome of(CriterionResult required) {
    return switch (required) {
      case MET -> ELIGIBLE;
      case NOT_MET -> NOT_ELIGIBLE;
      case UNKNOWN -> INSUFFICIENT_INFORMATION;
    };
  }
}
