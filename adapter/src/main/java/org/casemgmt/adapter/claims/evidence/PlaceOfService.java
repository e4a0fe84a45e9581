package org.casemgmt.adapter.claims.evidence;

import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;

/** Where a service line was performed: an 837P line may override the claim's place of service (SV105). */
final class PlaceOfService {

  private PlaceOfService() {
  }

  static String of(Claim claim, ClaimLine line) {
    return line.placeOfService() != null ? line.placeOfService() : claim.placeOfService();
  }
}
