package org.casemgmt.adapter.claims.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimType;

/**
 * Psychiatric inpatient stays (REFERENCE 1.2): the claims that show one, merged into stays. A stay shows as a
 * hospital inpatient bill with psychiatric room and board, as a psychiatric DRG on any bill, or as a clinician's bill
 * for inpatient services with a psychiatric principal diagnosis (the last matters when the facility's bill is missing,
 * as for stays Medicaid does not pay under the IMD exclusion).
 */
final class InpatientStays {
  private static final Comparator<Claim> BY_ADMISSION = Comparator.comparing(ServiceDates::admission)
      .thenComparing(ServiceDates::discharge).thenComparing(Claim::claimId);

  private final ClaimEvidencePolicy policy;

  InpatientStays(ClaimEvidencePolicy policy) {
    this.policy = policy;
  }

  /**
   * The stays, in order of admission. A claim admitted no later than the transfer gap after the stay so far ends
   * continues it: interim bills of one stay, a transfer to another hospital, a clinician's bill during the stay.
   */
  List<EpisodeDraft> find(List<Claim> claims) {
    List<EpisodeDraft> stays = new ArrayList<>();
    for (Claim claim : claims.stream().filter(this::showsStay).sorted(BY_ADMISSION).toList()) {
      EpisodeDraft last = stays.isEmpty() ? null : stays.get(stays.size() - 1);
      if (last == null || ServiceDates.admission(claim).isAfter(last.end().plusDays(policy.transferGapDays()))) {
        last = new EpisodeDraft(ClaimEpisodeKind.INPATIENT, ServiceDates.admission(claim),
            ServiceDates.discharge(claim));
        stays.add(last);
      }
      last.add(claim, ServiceDates.discharge(claim));
    }
    return stays;
  }

  private boolean showsStay(Claim claim) {
    return hasPsychiatricRoomAndBoard(claim) || policy.psychiatricDrgs().contains(claim.drg())
        || isPsychiatricInpatientCare(claim);
  }

  private boolean hasPsychiatricRoomAndBoard(Claim claim) {
    return policy.isInpatientBill(claim.type(), claim.typeOfBill())
        && claim.lines().stream().anyMatch(line -> policy.psychiatricRoomAndBoard().contains(line.revenueCode()));
  }

  private boolean isPsychiatricInpatientCare(Claim claim) {
    return claim.type() == ClaimType.PROFESSIONAL && policy.hasPsychiatricPrincipal(claim)
        && claim.lines().stream()
            .anyMatch(line -> policy.inpatientPlacesOfService().contains(PlaceOfService.of(claim, line)));
  }
}
