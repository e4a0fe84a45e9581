package org.casemgmt.adapter.claims.evidence;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimType;

/**
 * The providers an episode's claims name. An episode has one billing provider, the one of the claim that speaks for
 * it (the facility's bill before a clinician's, as for its principal diagnosis); every other provider its claims name
 * is kept as well, because who gave the care matters beyond that one: a 42 CFR Part 2 program among them makes the
 * episode a Part 2 record.
 *
 * @param billingNpi the billing provider of the first claim, in speaking order, that names one; null when none does
 * @param others     every other provider the claims name: attending and rendering providers, and the billing
 *                   providers of the episode's other claims (a transfer's second hospital, a psychiatrist's group);
 *                   sorted by role, then NPI, without duplicates
 */
public record EpisodeProviders(String billingNpi, List<ClaimProvider> others) {
  public static final EpisodeProviders NONE = new EpisodeProviders(null, List.of());

  public EpisodeProviders {
    TreeSet<ClaimProvider> sorted = new TreeSet<>(ClaimProvider.ORDER);
    sorted.addAll(others);
    others = List.copyOf(sorted);
  }

  /** @param claims the episode's claims in speaking order */
  static EpisodeProviders of(List<Claim> claims) {
    String billing = claims.stream().map(Claim::billingNpi).filter(Objects::nonNull).findFirst().orElse(null);
    TreeSet<ClaimProvider> others = new TreeSet<>(ClaimProvider.ORDER);
    for (Claim claim : claims) {
      if (claim.billingNpi() != null && !claim.billingNpi().equals(billing)) {
        others.add(new ClaimProvider(claim.billingNpi(), ClaimProvider.Role.BILLING));
      }
      if (claim.renderingNpi() != null) {
        others.add(new ClaimProvider(claim.renderingNpi(), claim.type() == ClaimType.INSTITUTIONAL
            ? ClaimProvider.Role.ATTENDING : ClaimProvider.Role.RENDERING));
      }
    }
    return new EpisodeProviders(billing, List.copyOf(others));
  }
}
