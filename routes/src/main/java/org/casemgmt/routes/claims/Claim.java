package org.casemgmt.routes.claims;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Medicaid claim or encounter, whatever file it came in: the facts the staging tables and the evidence rules
 * need, already checked (dates are dates, codes have the shape of their code system). Where a fact was not sent it
 * is null, never a placeholder.
 *
 * @param claimId          837 CLM01 (the claim's identifier in the feed); CSV claim_id
 * @param originalClaimId  the payer claim control number of the claim this one replaces or voids (837 REF*F8); null
 *                         for an original claim
 * @param frequencyCode    claim frequency, one digit (837 CLM05-3): 1 original (admit through discharge), 2-4
 *                         interim bills, 7 replacement, 8 void
 * @param typeOfBill       institutional only: NUBC type of bill with its leading zero, facility type, care type and
 *                         frequency ({@code 0111}); 837I CLM05-1 + CLM05-3
 * @param placeOfService   professional only: the claim's place of service (837P CLM05-1); lines may override it
 * @param renderingNpi     professional: rendering provider (2310B NM1*82); institutional: attending provider (2310A
 *                         NM1*71); null when not sent (an 837P leaves it out when the billing provider rendered)
 * @param from             first day of the statement period (837I DTP*434) or of the earliest line (837P)
 * @param through          last day of the statement period or of the latest line
 * @param admissionTime    837I DTP*435 when sent as date and time (DT), else null
 * @param dischargeDate    the statement's last day when the 837I states a discharge hour (DTP*096), the CSV's
 *                         discharge_date; null otherwise (the patient may still be in, or the source does not say)
 * @param admissionType    837I CL101 (UB-04 priority of admission)
 * @param admissionSource  837I CL102 (point of origin)
 * @param dischargeStatus  837I CL103 (patient discharge status, e.g. 02 transferred, 30 still a patient)
 * @param drg              837I HI*DR, the DRG the claim was billed or grouped under (MS-DRG or the state's APR-DRG)
 * @param diagnoses        in the order of {@link Diagnosis#sequence()} within each role, principal first
 */
public record Claim(
    String claimId,
    String originalClaimId,
    String frequencyCode,
    ClaimType type,
    String typeOfBill,
    String placeOfService,
    Member member,
    String billingNpi,
    String renderingNpi,
    LocalDate from,
    LocalDate through,
    LocalDate admissionDate,
    LocalTime admissionTime,
    LocalDate dischargeDate,
    LocalTime dischargeTime,
    String admissionType,
    String admissionSource,
    String dischargeStatus,
    String drg,
    List<Diagnosis> diagnoses,
    ClaimStatus status,
    List<ClaimLine> lines) {

  public Claim {
    Objects.requireNonNull(claimId, "claimId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(member, "member");
    diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    lines = lines == null ? List.of() : List.copyOf(lines);
    status = status == null ? ClaimStatus.UNKNOWN : status;
  }

  /** Frequency 7: this claim takes the place of {@link #originalClaimId()}. */
  public boolean isReplacement() {
    return "7".equals(frequencyCode);
  }

  /** Frequency 8: this claim cancels {@link #originalClaimId()}; nothing of it is in force. */
  public boolean isVoid() {
    return "8".equals(frequencyCode);
  }

  /** The principal diagnosis (sequence 1), which claim-based rules read first. */
  public Optional<Diagnosis> principalDiagnosis() {
    return diagnoses.stream().filter(d -> d.role() == Diagnosis.Role.PRINCIPAL).findFirst();
  }
}
