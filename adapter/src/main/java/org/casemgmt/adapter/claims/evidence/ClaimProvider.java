package org.casemgmt.adapter.claims.evidence;

import java.util.Comparator;
import java.util.Objects;

/**
 * A provider a claim names, by NPI, in the role the claim gives it. Claims name providers by NPI alone and do not
 * say whether one is a person or an organization, so neither is guessed here.
 *
 * @param npi  ten digits, as the claim carries it
 * @param role what the claim says the provider did
 */
public record ClaimProvider(String npi, Role role) {
  static final Comparator<ClaimProvider> ORDER = Comparator.comparing(ClaimProvider::role)
      .thenComparing(ClaimProvider::npi);

  public ClaimProvider {
    Objects.requireNonNull(npi, "npi");
    Objects.requireNonNull(role, "role");
  }

  /** A provider's part in a claim. */
  public enum Role {
    /** Billed the claim: 837 loop 2010AA (NM1*85), CSV {@code billing_npi}. */
    BILLING,
    /** The attending provider of an institutional claim: 837I loop 2310A (NM1*71), CSV {@code rendering_npi}. */
    ATTENDING,
    /** The rendering provider of a professional claim: 837P loop 2310B (NM1*82), CSV {@code rendering_npi}. */
    RENDERING
  }
}
