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
 * Every message of the ADT corpus fares as adt/corpus-outcomes.csv says. The corpus is other senders' ADT than
 * the microsoft-fhir-converter samples: the test and example messages of HAPI, nHapi, LinuxForHealth's converter,
 * hl7apy and python-hl7 (corpus/ATTRIBUTION.md), v2.3 to v2.8, with CR, LF or CRLF segment ends as published.
 * Their styles differ from one sender's: untyped or oddly typed identifiers, PID-2 without PID-3, empty PV1s,
 * account numbers as the only visit key.
 */
class CorpusMessagesTest {

  record Outcome(String file, String outcome, String event, String ackCode, String errorCode, String location) {
    @Override
    public String toString() {
      return file + " " + outcome;
    }
  }

  static List<Outcome> outcomes() throws IOException {
    try (Stream<String> lines = Files.lines(
        Path.of("src/test/resources/adt/corpus-outcomes.csv"), StandardCharsets.UTF_8)) {
      return lines.filter(line -> !line.startsWith("#") && !line.startsWith("file,") && !line.isBlank())
          .map(line -> line.split(",", -1))
          .map(f -> new Outcome(f[0], f[1], f[2], f[3], f[4], f[5]))
          .toList();
    }
  }

  @Test
  void everyCorpusMessageHasAnExpectedOutcome() throws IOException {
    try (Stream<Path> files = Files.walk(AdtFixtures.CORPUS)) {
      List<String> messages = files.filter(p -> p.getFileName().toString().endsWith(".hl7"))
          .map(p -> AdtFixtures.CORPUS.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertThat(messages).hasSizeBetween(20, 40);
      assertThat(outcomes()).extracting(Outcome::file).containsExactlyElementsOf(messages);
    }
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void corpusMessageFaresAsExpected(Outcome expected) throws Exception {
    String raw = AdtFixtures.corpus(expected.file());
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
        .filteredOn("supported"::equals).hasSize(20);
    assertThat(outcomes()).extracting(Outcome::outcome)
        .filteredOn("ignored"::equals).hasSize(2);
    assertThat(outcomes()).extracting(Outcome::outcome)
        .filteredOn("rejected"::equals).hasSize(13);
  }
}
