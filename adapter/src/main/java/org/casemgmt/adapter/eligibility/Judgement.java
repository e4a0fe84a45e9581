package org.casemgmt.adapter.eligibility;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one criterion was judged, with its reasons.
 *
 * @param criterion an eligibility-criterion code (diagnosis, functional-impairment, treatment-history, residency,
 *     payer, age), an evidence-kind code for an impairment measure (psych-inpatient-episodes, housing-instability,
 *     functional-assessment-score...), or all-of / any-of / at-least-n for a combination, which is structure only
 * @param explanation one sentence for a person, e.g. "2 psychiatric inpatient episodes within 24 months (since
 *     2024-03-01); 2 needed"
 * @param evidence the facts it was judged on
 * @param lookback the window it looked at, or null when it has none (residency, payer, age, combinations)
 * @param value what was measured and compared: a count (episodes on distinct days, claims), a score, an age in
 *     years; null when nothing was measured
 * @param parts the judgements it was made of (combinations, functional-impairment, treatment-history)
 * @param missing for an unknown result, what information would settle it, e.g. "no coverage data"
 */
public record Judgement(String criterion, CriterionResult result, String explanation, List<EvidenceUsed> evidence,
    Lookback lookback, BigDecimal value, List<Judgement> parts, List<String> missing) {

  public Judgement {
    evidence = List.copyOf(evidence);
    parts = List.copyOf(parts);
    missing = List.copyOf(missing);
  }
}
