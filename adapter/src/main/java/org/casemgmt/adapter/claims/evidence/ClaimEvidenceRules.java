package org.casemgmt.adapter.claims.evidence;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.casemgmt.routes.claims.Claim;

/**
 * Turns one member's Medicaid claims into evidence of psychiatric service use, of outpatient mental-health visits
 * (follow-up evidence) and of the diagnoses billed. The caller
 * resolves adjustments first: replaced originals and voids never arrive here, replacements and interim bills do.
 * Plain Java, no state between calls: safe to share.
 */
public final class ClaimEvidenceRules {
  private static final Comparator<ClaimEpisode> EPISODE_ORDER = Comparator.comparing(ClaimEpisode::kind)
      .thenComparing(ClaimEpisode::start).thenComparing(ClaimEpisode::end)
      .thenComparing(episode -> episode.claimIds().get(0));

  private final ClaimEvidencePolicy policy;
  private final SubstanceUseSignals substanceUseSignals;
  private final InpatientStays inpatientStays;
  private final VisitDays visitDays;
  private final RecordedDiagnoses recordedDiagnoses;

  /**
   * @param policy              what makes claims psychiatric evidence ({@code config/claims-evidence.yml})
   * @param substanceUseSignals what makes a claim a substance-use program's, and its evidence a Part 2 record
   *                            ({@code config/part2.yml})
   */
  public ClaimEvidenceRules(ClaimEvidencePolicy policy, SubstanceUseSignals substanceUseSignals) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.substanceUseSignals = Objects.requireNonNull(substanceUseSignals, "substanceUseSignals");
    inpatientStays = new InpatientStays(policy);
    visitDays = new VisitDays(policy);
    recordedDiagnoses = new RecordedDiagnoses(policy);
  }

  /**
   * Evidence from one member's claims in force, in any order. Deterministic (same input, same output, sorted).
   * A claim with no date of service at all cannot be placed in time and gives no evidence.
   */
  public MemberEvidence derive(String memberId, List<Claim> claimsInForce) {
    List<Claim> claims = claimsInForce.stream()
        .filter(claim -> ServiceDates.firstDay(claim) != null)
        .filter(claim -> policy.counts(claim.status()))
        .sorted(Comparator.comparing(Claim::claimId))
        .toList();
    List<EpisodeDraft> stays = inpatientStays.find(claims);
    List<EpisodeDraft> crises = visitDays.crisisEpisodes(claims);
    List<ClaimEpisode> episodes = Stream.of(stays, visitDays.emergencyVisits(claims, stays), crises,
            visitDays.outpatientVisits(claims, stays, crises))
        .flatMap(List::stream).map(draft -> draft.episode(substanceUseSignals)).sorted(EPISODE_ORDER).toList();
    return new MemberEvidence(memberId, episodes, recordedDiagnoses.find(claims));
  }
}
