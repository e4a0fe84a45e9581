package org.casemgmt.adapter.eligibility.record;

import java.time.LocalDate;
import java.util.Objects;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisSource;

/**
 * One ICD-10-CM code on one claim in force, as {@link ClaimDiagnoses} gives it.
 *
 * @param serviceDate the claim's first day of service (its admission when it gives none)
 * @param inpatient   a hospital inpatient bill, by the claims policy's inpatient bill types; everything else is
 *                    outpatient
 * @param denied      the payer denied the claim
 */
public record BilledDiagnosis(String claimId, String code, LocalDate serviceDate, boolean inpatient, boolean denied) {

  public BilledDiagnosis {
    Objects.requireNonNull(claimId, "claimId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(serviceDate, "serviceDate");
  }

  /** The fact, named by its claim: the engine counts claims by reference and outpatient claims by day. */
  DiagnosisFact fact() {
    return new DiagnosisFact(code, inpatient ? DiagnosisSource.INPATIENT_CLAIM : DiagnosisSource.OUTPATIENT_CLAIM,
        serviceDate, null, denied, ClaimReference.of(claimId));
  }
}
