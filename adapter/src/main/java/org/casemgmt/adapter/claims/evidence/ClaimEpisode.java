package org.casemgmt.adapter.claims.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One episode of psychiatric service use found in claims: an inpatient stay (interim bills and transfers merged),
 * or one day with an emergency visit, a crisis service or an outpatient mental-health visit.
 *
 * @param kind               what the claims show
 * @param start              admission or service day
 * @param end                last day of service, never null (a stay still open ends on its last claim's through
 *                           date); the same as start for a day's visit
 * @param denied             every claim in the episode was denied; the eligibility program decides whether that counts
 * @param principalDiagnosis principal diagnosis code of the episode's first claim that names one (institutional
 *                           bills before professional ones, then by admission); null when none does
 * @param claimIds           the claims it was built from, sorted, without duplicates
 * @param providers          the providers those claims name
 * @param substanceUseProgram one of those claims shows a substance-use disorder program's service
 *                           ({@link SubstanceUseSignals}): the episode is a 42 CFR Part 2 record
 */
public record ClaimEpisode(ClaimEpisodeKind kind, LocalDate start, LocalDate end, boolean denied,
    String principalDiagnosis, List<String> claimIds, EpisodeProviders providers, boolean substanceUseProgram) {

  public ClaimEpisode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("episode of claims " + claimIds + " ends before it starts");
    }
    claimIds = List.copyOf(new TreeSet<>(claimIds));
    Objects.requireNonNull(providers, "providers");
  }
}
