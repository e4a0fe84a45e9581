package org.casemgmt.adapter.claims.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.claims.Diagnosis;

/** An episode while its claims are gathered; it becomes a {@link ClaimEpisode} once all have joined. */
final class EpisodeDraft {
  /**
   * Whose principal diagnosis and billing provider the episode takes: the facility's bill is the stay itself, a
   * clinician's bill only corroborates it (REFERENCE 1.2.2); then the earliest admission, then claim id so that the
   * choice is stable.
   */
  private static final Comparator<Claim> SPEAKS_FIRST = Comparator
      .comparing((Claim claim) -> claim.type() != ClaimType.INSTITUTIONAL)
      .thenComparing(ServiceDates::admission)
      .thenComparing(Claim::claimId);

  private final ClaimEpisodeKind kind;
  private final LocalDate start;
  private LocalDate end;
  private final List<Claim> claims = new ArrayList<>();

  EpisodeDraft(ClaimEpisodeKind kind, LocalDate start, LocalDate end) {
    this.kind = kind;
    this.start = start;
    this.end = end;
  }

  LocalDate start() {
    return start;
  }

  LocalDate end() {
    return end;
  }

  /** The claim joins; the episode lasts until {@code until} if that is later. */
  void add(Claim claim, LocalDate until) {
    claims.add(claim);
    if (until.isAfter(end)) {
      end = until;
    }
  }

  ClaimEpisode episode(SubstanceUseSignals signals) {
    boolean denied = claims.stream().allMatch(claim -> claim.status() == ClaimStatus.DENIED);
    List<Claim> speaking = claims.stream().sorted(SPEAKS_FIRST).toList();
    String principal = speaking.stream().map(Claim::principalDiagnosis)
        .flatMap(Optional::stream).map(Diagnosis::code).findFirst().orElse(null);
    return new ClaimEpisode(kind, start, end, denied, principal, claims.stream().map(Claim::claimId).toList(),
        EpisodeProviders.of(speaking), claims.stream().anyMatch(signals::shows));
  }
}
