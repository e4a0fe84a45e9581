package org.casemgmt.adapter.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three-valued logic of the combinators, as truth tables. */
class CriterionResultTest {

  @ParameterizedTest(name = "all-of {0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      met met          | met
      met unknown      | unknown
      unknown unknown  | unknown
      met not-met      | not-met
      unknown not-met  | not-met
      not-met not-met  | not-met
      """)
  void allOf(String parts, String result) {
    assertThat(CriterionResult.allOf(results(parts)).code()).isEqualTo(result);
  }

  @ParameterizedTest(name = "any-of {0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      met not-met      | met
      met unknown      | met
      unknown not-met  | unknown
      unknown unknown  | unknown
      not-met not-met  | not-met
      """)
  void anyOf(String parts, String result) {
    assertThat(CriterionResult.anyOf(results(parts)).code()).isEqualTo(result);
  }

  @ParameterizedTest(name = "at least {0} of {1} is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2 | met met not-met           | met
      2 | met unknown not-met       | unknown
      2 | met not-met not-met       | not-met
      2 | unknown unknown not-met   | unknown
      3 | met met unknown           | unknown
      3 | met met met               | met
      1 | not-met not-met           | not-met
      1 | not-met unknown           | unknown
      """)
  void atLeast(int n, String parts, String result) {
    assertThat(CriterionResult.atLeast(n, results(parts)).code()).isEqualTo(result);
  }

  private static List<CriterionResult> results(String codes) {
    return Arrays.stream(codes.trim().split("\\s+"))
        .map(code -> Arrays.stream(CriterionResult.values()).filter(r -> r.code().equals(code)).findFirst()
            .orElseThrow())
        .toList();
  }
}
