package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
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

  record Outcome(String file, String outcome, String event, String ackCode, String errorCode, String location) {
    @Override
    public String toString() {
      return file + " " + outcome;
    }
  }

  static List<Outcome> outcomes() throws IOException {
    try (Stream<String> lines = Files.lines(
        Path.of("src/test/resources/adt/sample-outcomes.csv"), StandardCharsets.UTF_8)) {
      return lines.filter(line -> !line.startsWith("#") && !line.startsWith("file,") && !line.isBlank())
          .map(line -> line.split(",", -1))
          .map(f -> new Outcome(f[0], f[1], f[2], f[3], f[4], f[5]))
          .toList();
    }
  }

  @Test
  void everySampleHasAnExpectedOutcome() throws IOException {
    try (Stream<Path> files = Files.list(AdtFixtures.SAMPLES)) {
      List<String> samples = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hl7")).sorted()
          .toList();
      assertThat(samples).hasSize(57);
      assertThat(outcomes()).extracting(Outcome::file).containsExactlyElementsOf(samples);
    }
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void sampleFaresAsExpected(Outcome expected) throws Exception {
    String raw = AdtFixtures.sample(expected.file());
    if (expected.outcome().equals("rejected")) {
      AdtRejection rejection = AdtFixtures.rejection(raw);
      assertThat(rejection.ackCode()).isEqualTo(expected.ackCode());
      assertThat(rejection.errorCode()).isEqualTo(Integer.parseInt(expected.errorCode()));
      assertThat(rejection.location()).isEqualTo(expected.location());
      assertThat(rejection.reason()).isNotBlank();
      return;
    }
    AdtMessage message = AdtFixtures.parser().parse(raw);
    assertThat(message.raw()).isSameAs(raw);
    assertThat(message.event()).isEqualTo(expected.event());
    assertThat(message.header().controlId()).isNotBlank();
    assertThat(message.supported()).isEqualTo(expected.outcome().equals("supported"));
    if (message.supported()) {
      assertThat(message.patient().getIdentifier()).isNotEmpty()
          .allSatisfy(id -> assertThat(id.getSystem()).isNotBlank());
      assertThat(Stream.concat(Stream.of(message.patient(), message.encounter()), message.diagnoses().stream())
          .filter(Objects::nonNull)).allSatisfy(resource -> assertThat(resource.getIdElement().isEmpty()).isTrue());
    } else {
      assertThat(message.patient()).isNull();
      assertThat(message.encounter()).isNull();
      assertThat(message.diagnoses()).isEmpty();
    }
  }

  @Test
  void outcomesAddUp() throws IOException {
    assertThat(outcomes()).extracting(Outcome::outcome)
        .filteredOn("supported"::equals).hasSize(25);
    assertThat(outcomes()).extracting(Outcome::outcome)
        .filteredOn("ignored"::equals).hasSize(32);
    assertThat(outcomes()).extracting(Outcome::outcome)
        .filteredOn("rejected"::equals).isEmpty();
  }
}
