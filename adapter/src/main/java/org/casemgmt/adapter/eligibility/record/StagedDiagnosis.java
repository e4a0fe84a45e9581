package org.casemgmt.adapter.eligibility.record;

import java.time.LocalDate;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisSource;

/**
 * One ICD-10-CM code on one claim in force, as the claims staging tables hold it.
 *
 * @param serviceDate the claim's first day of service (its admission when lines give none)
 * @param inpatient an institutional inpatient bill (type of bill 011x); everything else is outpatient
 * @param denied the payer denied the claim
 */
record StagedDiagnosis(String claimId, String code, LocalDate serviceDate, boolean inpatient, boolean denied) {

  /** The fact, named by its claim: the engine counts claims by reference and outpatient claims by day. */
  DiagnosisFact fact() {
    return new DiagnosisFact(code, inpatient ? DiagnosisSource.INPATIENT_CLAIM : DiagnosisSource.OUTPATIENT_CLAIM,
        serviceDate, null, denied, ClaimReference.of(claimId));
  }
}
