package org.casemgmt.adapter.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules as cases: each file in {@code src/test/resources/eligibility/cases} is one program and the clients
 * judged under it, with the determination each should get (see {@link EligibilityCase} for the format).
 */
class EligibilityCasesTest {
  private final EligibilityEngine engine = new EligibilityEngine();

  static Stream<EligibilityCase> cases() {
    return EligibilityCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void determination(EligibilityCase testCase) {
    Determination determination = engine.evaluate(testCase.program(), testCase.client(), testCase.date());
    EligibilityCase.Expected expected = testCase.expected();

    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(determination.outcome().code()).as("outcome; criteria: %s", determination.criteria())
          .isEqualTo(expected.outcome());
      expected.results().forEach((criterion, result) -> softly.assertThat(
              determination.judgement(criterion).map(judgement -> judgement.result().code()))
          .as("result of %s: %s", criterion, determination.judgement(criterion)).contains(result));
      if (expected.missing() != null) {
        softly.assertThat(determination.missing()).as("missing").containsExactlyElementsOf(expected.missing());
      }
      if (expected.validUntil() != null) {
        softly.assertThat(determination.validUntil()).as("valid until").isEqualTo(expected.validUntil());
      }
      expected.explanations().forEach((criterion, text) -> softly.assertThat(
              determination.judgement(criterion).map(Judgement::explanation).orElse("(no such criterion)"))
          .as("explanation of %s", criterion).contains(text));
      expected.evidence().forEach((criterion, references) -> softly.assertThat(
              determination.judgement(criterion).map(judgement -> judgement.evidence().stream()
                  .map(EvidenceUsed::reference).toList()).orElse(null))
          .as("evidence of %s", criterion).isEqualTo(references));
      expected.values().forEach((criterion, value) -> softly.assertThat(
              determination.judgement(criterion).map(Judgement::value).orElse(null))
          .as("value of %s", criterion).isEqualByComparingTo(value));
    });
  }

  @Test
  void everyShippedProgramHasAnEligibleANotEligibleAndAnInsufficientClient() {
    Set<String> shipped = ShippedPrograms.loader().loadDirectory(EligibilityCase.SHIPPED_PROGRAMS).ids();
    assertThat(cases().filter(testCase -> shipped.contains(testCase.program().id()))
        .map(testCase -> testCase.program().id() + " " + testCase.expected().outcome()).distinct())
        .containsExactlyInAnyOrder(
            "claims-driven-tailored eligible", "claims-driven-tailored not-eligible",
            "claims-driven-tailored insufficient-information",
            "smi-functional-impairment eligible", "smi-functional-impairment not-eligible",
            "smi-functional-impairment insufficient-information",
            "smi-target-population eligible", "smi-target-population not-eligible",
            "smi-target-population insufficient-information");
  }
}
