package org.casemgmt.adapter.eligibility.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A score from a completed assessment. Severity bands are not carried: they follow from the score by the
 * instrument's own bands, so they cannot disagree with it.
 *
 * @param date the day the assessment was done
 */
public record AssessmentScore(ScoreKind kind, BigDecimal value, LocalDate date, String reference) {

  public AssessmentScore {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reference, "reference");
  }
}
