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
 * Every message of the ADT corpus fares as adt/corpus-outcomes.csv says. The corpus is other senders' ADT than
 * the microsoft-fhir-converter samples: the test and example messages of HAPI, nHapi, LinuxForHealth's converter,
 * hl7apy and python-hl7 (corpus/ATTRIBUTION.md), v2.3 to v2.8, with CR, LF or CRLF segment ends as published.
 * Their styles differ from one sender's: untyped or oddly typed identifiers, PID-2 without PID-3, empty PV1s,
 * account numbers as the only visit key.
 */
class CorpusMessagesTest {

  static List<ExpectedOutcome> outcomes() throws IOException {
    return ExpectedOutcome.read("corpus-outcomes.csv");
  }

  @Test
  void everyCorpusMessageHasAnExpectedOutcome() throws IOException {
    try (Stream<Path> files = Files.walk(AdtFixtures.CORPUS)) {
      List<String> messages = files.filter(p -> p.getFileName().toString().endsWith(".hl7"))
          .map(p -> AdtFixtures.CORPUS.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertThat(messages).hasSizeBetween(20, 40);
      assertThat(outcomes()).extracting(ExpectedOutcome::file).containsExactlyElementsOf(messages);
    }
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void corpusMessageFaresAsExpected(ExpectedOutcome expected) throws Exception {
    expected.check(AdtFixtures.corpus(expected.file()));
  }

  @Test
  void outcomesAddUp() throws IOException {
    assertThat(ExpectedOutcome.count(outcomes(), "supported")).isEqualTo(23);
    assertThat(ExpectedOutcome.count(outcomes(), "ignored")).isEqualTo(2);
    assertThat(ExpectedOutcome.count(outcomes(), "rejected")).isEqualTo(10);
  }
}
