package org.casemgmt.routes.claims;

import java.util.Objects;

/**
 * One item read from a claim file: a claim, or a rejection saying which claim (or transaction set) could not be read
 * and why, both with where they came from. Rejections are items rather than exceptions so that a reader keeps going
 * and the batch job can write them to the error table beside the good claims.
 */
public record ParsedClaim(ClaimOrigin origin, Claim claim, ClaimRejection rejection) {

  public ParsedClaim {
    Objects.requireNonNull(origin, "origin");
    if ((claim == null) == (rejection == null)) {
      throw new IllegalArgumentException("a parsed claim is either a claim or a rejection");
    }
  }

  public static ParsedClaim accepted(ClaimOrigin origin, Claim claim) {
    return new ParsedClaim(origin, Objects.requireNonNull(claim, "claim"), null);
  }

  public static ParsedClaim rejected(ClaimOrigin origin, ClaimRejection rejection) {
    return new ParsedClaim(origin, null, Objects.requireNonNull(rejection, "rejection"));
  }

  /** Whether this is a claim; otherwise it is a rejection. */
  public boolean isAccepted() {
    return claim != null;
  }
}
