package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One row of a table of public messages' expected outcomes (adt/sample-outcomes.csv, adt/corpus-outcomes.csv):
 * supported (mapped), ignored (an ADT event the adapter does not act on: AA, nothing stored) or rejected (ack code,
 * HL7 table 0357 error code, location).
 */
record ExpectedOutcome(String file, String outcome, String event, String ackCode, String errorCode, String location) {

  static List<ExpectedOutcome> read(String table) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("src/test/resources/adt", table), StandardCharsets.UTF_8)) {
      return lines.filter(line -> !line.startsWith("#") && !line.startsWith("file,") && !line.isBlank())
          .map(line -> line.split(",", -1))
          .map(f -> new ExpectedOutcome(f[0], f[1], f[2], f[3], f[4], f[5]))
          .toList();
    }
  }

  static long count(List<ExpectedOutcome> outcomes, String outcome) {
    return outcomes.stream().filter(row -> row.outcome().equals(outcome)).count();
  }

  /** The message fares as the row says; a mapped one names every identifier's system and carries no ids yet. */
  void check(String raw) throws Exception {
    if (outcome.equals("rejected")) {
      AdtRejection rejection = AdtFixtures.rejection(raw);
      assertThat(rejection.ackCode()).isEqualTo(ackCode);
      assertThat(rejection.errorCode()).isEqualTo(Integer.parseInt(errorCode));
      assertThat(rejection.location()).isEqualTo(location);
      assertThat(rejection.reason()).isNotBlank();
      return;
    }
    AdtMessage message = AdtFixtures.parser().parse(raw);
    assertThat(message.raw()).isSameAs(raw);
    assertThat(message.event()).isEqualTo(event);
    assertThat(message.header().controlId()).isNotBlank();
    assertThat(message.supported()).isEqualTo(outcome.equals("supported"));
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

  @Override
  public String toString() {
    return file + " " + outcome;
  }
}
