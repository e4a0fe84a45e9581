package org.casemgmt.routes.claims.generator;

/** The diagnosis codes the scenarios use (ICD-10-CM, with the dot; the X12 writer drops it). */
final class ClinicalCodes {
  /**
   * Serious mental illnesses (REFERENCE 1.1, core SMI): schizophrenia, schizoaffective disorder, unspecified
   * psychosis, bipolar disorder, severe and recurrent major depression. A member's episodes share one of them.
   */
  static final String[] SMI = {"F20.9", "F20.0", "F25.0", "F25.1", "F29", "F31.2", "F31.4", "F31.9", "F33.1",
      "F33.2", "F32.2"};
  /** Homelessness, unspecified (REFERENCE 1.7); Z59.0 has been a non-billable header since FY2022. */
  static final String HOUSING_INSTABILITY = "Z59.00";
  static final String SUICIDAL_IDEATION = "R45.851";
  /** Everyday medicine: no F-code, so ordinary claims never look psychiatric. */
  static final String[] GENERAL = {"I10", "E11.9", "J06.9", "M54.50", "K21.9", "J45.909", "N39.0", "E78.5",
      "R10.9", "Z00.00", "E66.9", "M25.561"};
  /** Reasons for an emergency visit that is not psychiatric: the distractors the ED rule must leave out. */
  static final String[] EMERGENCY_GENERAL = {"J06.9", "R10.9", "N39.0", "S93.401A", "R07.9", "M54.50"};
  /** MS-DRG 885, psychoses (MDC 19). */
  static final String DRG_PSYCHOSES = "885";

  private ClinicalCodes() {
  }

  /** Diagnoses grouped to DRG 885: schizophrenia spectrum and bipolar disorder with psychotic features. */
  static boolean psychotic(String code) {
    return code.startsWith("F2") || code.equals("F31.2");
  }
}
