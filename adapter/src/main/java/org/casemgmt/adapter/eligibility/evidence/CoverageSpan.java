package org.casemgmt.adapter.eligibility.evidence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period of coverage, from a Coverage resource or an enrollment (834) record.
 *
 * @param start first covered day, or null when the source does not say (covered since before anything we know)
 * @param end last covered day, or null while open
 */
public record CoverageSpan(PayerKind payer, LocalDate start, LocalDate end, String reference) {

  public CoverageSpan {
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(reference, "reference");
    if (start != null && end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("coverage " + reference + " ends before it starts");
    }
  }

  public boolean covers(LocalDate day) {
    return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
  }
}
