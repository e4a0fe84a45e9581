package org.casemgmt.routes.claims;

/**
 * A diagnosis on a claim.
 *
 * @param sequence           the position in the claim's diagnosis list: 1 is the principal diagnosis, 2 and on the
 *                           other diagnoses in the order sent (the numbering 837P line pointers use). Admitting,
 *                           reason-for-visit and external-cause codes are numbered within their own role.
 * @param code               upper case with the dot where the classification puts it ({@code F20.9}), the form of
 *                           FHIR's ICD systems, whatever form the source used
 * @param presentOnAdmission 837I HI0x-9 (Y, N, U, W, 1); null when not sent
 */
public record Diagnosis(int sequence, String code, CodeSystem system, Role role, String presentOnAdmission) {

  /** What the diagnosis is on this claim (837 HI qualifiers ABK/ABJ/APR/ABF/ABN, or BK/BJ/BF for ICD-9). */
  public enum Role {
    PRINCIPAL,
    ADMITTING,
    REASON_FOR_VISIT,
    OTHER,
    EXTERNAL_CAUSE
  }

  /** Claims before October 2015 carry ICD-9-CM; the code system is part of the code's identity. */
  public enum CodeSystem {
    ICD_10_CM("http://hl7.org/fhir/sid/icd-10-cm"),
    ICD_9_CM("http://hl7.org/fhir/sid/icd-9-cm");

    private final String url;

    CodeSystem(String url) {
      this.url = url;
    }

    /** The FHIR code system URL. */
    public String url() {
      return url;
    }
  }
}
