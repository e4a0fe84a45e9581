package org.casemgmt.adapter.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A program's explained eligibility determination for one client on one date.
 *
 * @param program the program id (a code of the program CodeSystem)
 * @param programVersion the rule version the determination was made under
 * @param evaluationDate the lookback anchor
 * @param criteria the program's required criteria, each with its parts
 * @param missing for insufficient information, what would settle it ("no residency address", "no coverage data");
 *     empty otherwise
 * @param validUntil the last day the determination holds: the evaluation date plus the program's validity, or the
 *     day before the outcome would change on the evidence already known (evidence ageing out of a lookback,
 *     coverage or an address ending or starting, a birthday), whichever is earlier. A daily re-evaluation is due
 *     for everyone whose validUntil has passed.
 */
public record Determination(String program, String programVersion, LocalDate evaluationDate,
    DeterminationOutcome outcome, List<Judgement> criteria, List<String> missing, LocalDate validUntil) {

  public Determination {
    criteria = List.copyOf(criteria);
    missing = List.copyOf(missing);
  }

  /** The first judgement of this criterion, looking through every part. */
  public Optional<Judgement> judgement(String criterion) {
    return all(criteria).filter(judgement -> judgement.criterion().equals(criterion)).findFirst();
  }

  /** Every fact any criterion was judged on, once each, in the order the criteria name them. */
  public List<EvidenceUsed> evidence() {
    Set<EvidenceUsed> evidence = new LinkedHashSet<>();
    all(criteria).forEach(judgement -> evidence.addAll(judgement.evidence()));
    return new ArrayList<>(evidence);
  }

  private static Stream<Judgement> all(List<Judgement> judgements) {
    return judgements.stream().flatMap(judgement -> Stream.concat(Stream.of(judgement), all(judgement.parts())));
  }
}
