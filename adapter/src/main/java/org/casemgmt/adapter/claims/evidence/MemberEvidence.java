package org.casemgmt.adapter.claims.evidence;

import java.util.List;
import java.util.Objects;

/**
 * What one member's claims in force show.
 *
 * @param memberId   as the caller passed it (PHI: never log it)
 * @param episodes   sorted by kind, then start
 * @param diagnoses  sorted by code, then code system
 */
public record MemberEvidence(String memberId, List<ClaimEpisode> episodes, List<ClaimDiagnosis> diagnoses) {

  public MemberEvidence {
    Objects.requireNonNull(memberId, "memberId");
    episodes = List.copyOf(episodes);
    diagnoses = List.copyOf(diagnoses);
  }
}
