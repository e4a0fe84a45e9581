package org.casemgmt.adapter.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.adapter.testing.FeedInbox.Report;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The conformance corpus of public third-party 837I and 837P files (claims/corpus, with its ATTRIBUTION): each file,
 * dropped into the claims inbox as a sender would, gives the outcome, counts and rejections its row of
 * {@code expected.csv} names, and the evidence it names is on the client record.
 */
class X12CorpusTest extends FhirServerTest {
  private static final Path CORPUS = Path.of("src/test/resources/claims/corpus");
  private static final String DIAGNOSES = "https://fhir.casemgmt-adapter.org/sid/claims-diagnosis";
  private static final FeedInbox INBOX = new FeedInbox(CLAIMS_INBOX);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/claims/corpus/expected.csv", delimiter = '|', useHeadersInDisplayName = true)
  void eachPublicFileGivesItsExpectedOutcome(String file, String outcome, String staged, String rejected,
      String rejection, String evidence) throws Exception {
    String name = "corpus-" + UUID.randomUUID() + "-" + file;
    INBOX.drop(name, Files.readString(CORPUS.resolve(file), StandardCharsets.ISO_8859_1));
    Report report = INBOX.awaitReport(outcome.equals("REJECTED") ? "error" : "processed", name);

    assertThat(report.value("outcome")).isEqualTo(outcome);
    assertThat(report.value("claims staged")).isEqualTo(staged);
    assertThat(report.value("claims rejected")).isEqualTo(rejected);
    if (rejection.equals("-")) {
      assertThat(report.rejections()).isEmpty();
    } else {
      String[] expected = rejection.split(" ", 4); // claim id, member id, element, part of the reason
      assertThat(report.rejections()).singleElement().satisfies(row -> {
        String[] columns = row.split("\\|", -1); // item|scope|claim id|member id|location|reason
        assertThat(columns[2]).isEqualTo(expected[0].equals("-") ? "" : expected[0]);
        assertThat(columns[3]).as("member id").isEqualTo(expected[1].equals("-") ? "" : expected[1]);
        assertThat(columns[4]).contains(expected[2] + " (segment ");
        assertThat(columns[5]).contains(expected[3]);
      });
    }
    if (!evidence.equals("-")) {
      String[] condition = evidence.split(" "); // member, code system, code
      single(Condition.class, "Condition?identifier=" + DIAGNOSES + "|" + condition[0] + "|DX|" + condition[1] + "|"
          + condition[2]);
    }
  }
}
