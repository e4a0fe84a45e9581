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
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Coverage periods and who pays, by the configured Coverage types.
 * The cases, one per row: {@code src/test/resources/eligibility/record/coverage.csv}.
 */
class CoverageSpansTest {
  private static final String SOPT = "https://nahdo.org/sopt";
  private static final CoverageSpans SPANS = new CoverageSpans(new CoverageTypes(
      List.of(SOPT + "|2", SOPT + "|21"), List.of(SOPT + "|362")));

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/eligibility/record/coverage.csv", delimiter = '|', nullValues = "-",
      numLinesToSkip = 1)
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
