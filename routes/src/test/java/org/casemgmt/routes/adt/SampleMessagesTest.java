package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public sample message fares as adt/sample-outcomes.csv says: mapped, ignored, or refused with a precise
 * code and location. The samples are third-party (microsoft/FHIR-Converter, MIT), v2.3 to v2.8, some with a BOM,
 * all with LF segment ends.
 */
class SampleMessagesTest {

  static List<ExpectedOutcome> outcomes() throws IOException {
    return ExpectedOutcome.read("sample-outcomes.csv");
  }

  @Test
  void everySampleHasAnExpectedOutcome() throws IOException {
    try (Stream<Path> files = Files.list(AdtFixtures.SAMPLES)) {
      List<String> samples = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hl7")).sorted()
          .toList();
      assertThat(samples).hasSize(57);
      assertThat(outcomes()).extracting(ExpectedOutcome::file).containsExactlyElementsOf(samples);
    }
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void sampleFaresAsExpected(ExpectedOutcome expected) throws Exception {
    expected.check(AdtFixtures.sample(expected.file()));
  }

  @Test
  void outcomesAddUp() throws IOException {
    assertThat(ExpectedOutcome.count(outcomes(), "supported")).isEqualTo(25);
    assertThat(ExpectedOutcome.count(outcomes(), "ignored")).isEqualTo(32);
    assertThat(ExpectedOutcome.count(outcomes(), "rejected")).isEqualTo(0);
  }
}
