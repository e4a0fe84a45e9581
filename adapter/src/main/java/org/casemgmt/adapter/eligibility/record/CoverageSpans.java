package org.casemgmt.adapter.eligibility.record;

import java.time.LocalDate;
import java.util.Optional;
import org.casemgmt.adapter.eligibility.evidence.CoverageSpan;
import org.hl7.fhir.r4.model.Coverage;

/**
 * Coverage periods from Coverage resources (from the enrollment (834) feed or written through the API). Only coverage
 * in force counts: a cancelled, draft or mistaken Coverage says nothing about the client's payer.
 */
final class CoverageSpans {
  private final CoverageTypes types;

  CoverageSpans(CoverageTypes types) {
    this.types = types;
  }

  Optional<CoverageSpan> span(Coverage coverage) {
    if (coverage.getStatus() != Coverage.CoverageStatus.ACTIVE) {
      return Optional.empty();
    }
    LocalDate start = FhirDates.day(coverage.getPeriod().getStartElement());
    LocalDate end = FhirDates.day(coverage.getPeriod().getEndElement());
    if (start != null && end != null && end.isBefore(start)) {
      return Optional.empty(); // a period that ends before it starts covers no day
    }
    return Optional.of(new CoverageSpan(types.payerOf(coverage.getType()), start, end, References.of(coverage)));
  }
}
