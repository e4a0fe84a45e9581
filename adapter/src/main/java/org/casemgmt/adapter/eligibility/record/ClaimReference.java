package org.casemgmt.adapter.eligibility.record;

import java.util.Optional;
import org.casemgmt.profiles.ImplementationGuide;

/**
 * How a Medicaid claim is named among the evidence references. Claims live in the staging tables, not on the FHIR
 * record, so they are named by identifier ({@code <system>|<claim id>}, the claims feed's own Provenance system)
 * rather than by a resource reference such as {@code Encounter/12}.
 */
public final class ClaimReference {
  public static final String SYSTEM = ImplementationGuide.CANONICAL + "/sid/medicaid-claim";
  private static final String PREFIX = SYSTEM + "|";

  private ClaimReference() {
  }

  public static String of(String claimId) {
    return PREFIX + claimId;
  }

  /** The claim id when the reference names a claim. */
  public static Optional<String> claimId(String reference) {
    return reference.startsWith(PREFIX) ? Optional.of(reference.substring(PREFIX.length())) : Optional.empty();
  }
}
