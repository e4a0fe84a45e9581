package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.util.List;

/**
 * One psychiatric episode of a member and the claims that bill it: a stay (one to three bills, a transfer's two,
 * maybe a psychiatrist's claim), an emergency visit (facility, physician or both) or a crisis service.
 *
 * @param first the admission or service day
 * @param last  the discharge or service day
 */
record Episode(PsychiatricKind kind, LocalDate first, LocalDate last, List<PlannedClaim> claims) {

  Episode {
    claims = List.copyOf(claims);
  }

  int lines() {
    return claims.stream().mapToInt(PlannedClaim::lineCount).sum();
  }

  /** Whether {@code day} is within a day of the episode: no other claim of the member may fall there. */
  boolean near(LocalDate day) {
    return !day.isBefore(first.minusDays(1)) && !day.isAfter(last.plusDays(1));
  }
}
