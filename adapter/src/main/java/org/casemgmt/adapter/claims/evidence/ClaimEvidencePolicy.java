package org.casemgmt.adapter.claims.evidence;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.ClaimType;

/**
 * The code lists and numbers the claims evidence rules read; nothing in the rules is a literal code. Built at
 * start-up by {@link ClaimEvidencePolicyLoader} from {@code config/claims-evidence.yml} and the guide's value sets.
 * The code sets answer {@code contains(null)} with false, so a code a claim did not send simply does not match.
 *
 * @param inpatientBillTypes           hospital inpatient types of bill, four characters ({@code 0111})
 * @param psychiatricRoomAndBoard      psychiatric accommodation revenue codes ({@code 0124})
 * @param psychiatricDrgs              DRGs of mental diseases and disorders, as billed ({@code 885})
 * @param inpatientPlacesOfService     places of service of inpatient professional services ({@code 21}, {@code 51})
 * @param emergencyRevenueCodes        emergency-room revenue codes ({@code 0450})
 * @param emergencyPlacesOfService     emergency-room places of service ({@code 23})
 * @param crisisProcedures             HCPCS codes of crisis services ({@code H2011})
 * @param outpatientMentalHealthProcedures      CPT and HCPCS codes of outpatient mental-health care ({@code 90834},
 *                                              {@code H0036}): CPT and HCPCS Level II codes never collide
 * @param outpatientMentalHealthPlacesOfService places of outpatient mental-health care ({@code 53}, {@code 52})
 * @param psychiatricDiagnoses         principal diagnoses that make a professional inpatient, an emergency or an
 *                                     outpatient mental-health claim psychiatric
 * @param recordedDiagnoses            the diagnoses reported as {@link ClaimDiagnosis}
 * @param transferGapDays              a stay starting at most this many days after the last one ended continues it
 *                                     (interim bills, transfers)
 * @param emergencyBeforeAdmissionDays an emergency visit at most this many days before an admission (or during the
 *                                     stay) became that admission and is not counted on its own
 * @param deniedClaims                 whether denied claims are marked or ignored
 */
public record ClaimEvidencePolicy(
    Set<String> inpatientBillTypes,
    Set<String> psychiatricRoomAndBoard,
    Set<String> psychiatricDrgs,
    Set<String> inpatientPlacesOfService,
    Set<String> emergencyRevenueCodes,
    Set<String> emergencyPlacesOfService,
    Set<String> crisisProcedures,
    Set<String> outpatientMentalHealthProcedures,
    Set<String> outpatientMentalHealthPlacesOfService,
    DiagnosisPrefixes psychiatricDiagnoses,
    DiagnosisPrefixes recordedDiagnoses,
    int transferGapDays,
    int emergencyBeforeAdmissionDays,
    DeniedClaims deniedClaims) {

  public ClaimEvidencePolicy {
    inpatientBillTypes = codes(inpatientBillTypes);
    psychiatricRoomAndBoard = codes(psychiatricRoomAndBoard);
    psychiatricDrgs = codes(psychiatricDrgs);
    inpatientPlacesOfService = codes(inpatientPlacesOfService);
    emergencyRevenueCodes = codes(emergencyRevenueCodes);
    emergencyPlacesOfService = codes(emergencyPlacesOfService);
    crisisProcedures = codes(crisisProcedures);
    outpatientMentalHealthProcedures = codes(outpatientMentalHealthProcedures);
    outpatientMentalHealthPlacesOfService = codes(outpatientMentalHealthPlacesOfService);
    Objects.requireNonNull(psychiatricDiagnoses, "psychiatricDiagnoses");
    Objects.requireNonNull(recordedDiagnoses, "recordedDiagnoses");
    Objects.requireNonNull(deniedClaims, "deniedClaims");
    if (transferGapDays < 0 || emergencyBeforeAdmissionDays < 0) {
      throw new IllegalArgumentException("day counts cannot be negative");
    }
  }

  /**
   * Whether a bill is a hospital inpatient bill. Public because eligibility sorts claim diagnoses into inpatient and
   * outpatient by the same rule ({@code ClaimDiagnosesInForce}): one answer for what an inpatient claim is.
   */
  public boolean isInpatientBill(ClaimType type, String typeOfBill) {
    return type == ClaimType.INSTITUTIONAL && inpatientBillTypes.contains(typeOfBill);
  }

  /** Whether a claim of this status is evidence at all: with {@code denied-claims: ignore} a denied one is not. */
  public boolean counts(ClaimStatus status) {
    return deniedClaims == DeniedClaims.MARK || status != ClaimStatus.DENIED;
  }

  /** Whether the claim's principal diagnosis is psychiatric. */
  boolean hasPsychiatricPrincipal(Claim claim) {
    return claim.principalDiagnosis().filter(psychiatricDiagnoses::matches).isPresent();
  }

  /** The policy in one line of counts, for the start-up log (codes are not PHI, but the counts say enough). */
  public String summary() {
    return "inpatient bill types " + inpatientBillTypes.size()
        + ", psychiatric room-and-board revenue codes " + psychiatricRoomAndBoard.size()
        + ", psychiatric DRGs " + psychiatricDrgs.size()
        + ", inpatient places of service " + inpatientPlacesOfService.size()
        + ", emergency revenue codes " + emergencyRevenueCodes.size()
        + ", emergency places of service " + emergencyPlacesOfService.size()
        + ", crisis procedures " + crisisProcedures.size()
        + ", outpatient mental-health procedures " + outpatientMentalHealthProcedures.size()
        + ", outpatient mental-health places of service " + outpatientMentalHealthPlacesOfService.size()
        + ", psychiatric diagnosis prefixes " + psychiatricDiagnoses.size()
        + ", recorded diagnosis prefixes " + recordedDiagnoses.size()
        + ", transfer gap " + transferGapDays + " d"
        + ", emergency before admission " + emergencyBeforeAdmissionDays + " d"
        + ", denied claims " + deniedClaims.name().toLowerCase(Locale.ROOT);
  }

  /** Sorted for the log and for reading in a debugger; a hash set, unlike Set.of, can be asked about null. */
  private static Set<String> codes(Set<String> codes) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(new TreeSet<>(codes)));
  }
}
