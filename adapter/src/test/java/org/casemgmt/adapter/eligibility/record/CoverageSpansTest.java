package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coverage periods and who pays, by the configured Coverage types. */
class CoverageSpansTest {
  private static final String SOPT = "https://nahdo.org/sopt";
  private static final CoverageSpans SPANS = new CoverageSpans(new CoverageTypes(
      List.of(SOPT + "|2", SOPT + "|21"), List.of(SOPT + "|362")));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # case                                          | status    | type | start      | end        | span
      active Medicaid managed care                     | active    | 21   | 2025-07-01 | -          | MEDICAID 2025-07-01..
      Medicaid that ended                              | active    | 2    | 2024-01-01 | 2025-06-30 | MEDICAID 2024-01-01..2025-06-30
      a listed state program is state funding          | active    | 362  | 2025-01-01 | -          | STATE_FUNDED 2025-01-01..
      Medicare is other coverage                       | active    | 1    | 2025-01-01 | -          | OTHER 2025-01-01..
      coverage without a period covers every day       | active    | 21   | -          | -          | MEDICAID ..
      cancelled coverage says nothing                  | cancelled | 21   | 2025-07-01 | -          | none
      coverage recorded by mistake says nothing        | entered-in-error | 21 | 2025-07-01 | -     | none
      a draft is not coverage yet                      | draft     | 21   | 2025-07-01 | -          | none
      a period ending before it starts covers no day   | active    | 21   | 2025-07-01 | 2025-06-30 | none
      """)
  void span(String name, String status, String type, String start, String end, String expected) {
    Coverage coverage = new Coverage();
    coverage.setId("Coverage/5");
    coverage.setStatus(Coverage.CoverageStatus.fromCode(status));
    coverage.setType(new CodeableConcept(new Coding(SOPT, type, null)));
    if (start != null) {
      coverage.getPeriod().setStartElement(new DateTimeType(start));
    }
    if (end != null) {
      coverage.getPeriod().setEndElement(new DateTimeType(end));
    }

    assertThat(SPANS.span(coverage).map(span -> span.payer() + " " + (span.start() == null ? "" : span.start())
        + ".." + (span.end() == null ? "" : span.end()) + " " + span.reference()).orElse("none"))
        .isEqualTo(expected.equals("none") ? "none" : expected + " Coverage/5");
  }

  @Test
  void aCoverageTypeThatIsNotSystemBarCodeStopsStartUp() {
    assertThatThrownBy(() -> new CoverageTypes(List.of("21"), List.of(SOPT + "|")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("medicaid: 21").hasMessageContaining("state-funded: " + SOPT + "|");
  }
}
