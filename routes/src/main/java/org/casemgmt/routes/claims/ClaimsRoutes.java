package org.casemgmt.routes.claims;

import org.casemgmt.routes.files.FileInboxRoutes;
import org.springframework.stereotype.Component;

/** Medicaid claim files (X12 837I/837P, the CSV claim-line extract) dropped into {@code adapter.claims.inbox}. */
@Component
class ClaimsRoutes extends FileInboxRoutes {

  ClaimsRoutes(ClaimFileIntake intake) {
    super("claims", intake);
  }
}
