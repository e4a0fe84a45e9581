package org.casemgmt.adapter.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.adapter.testing.FeedInbox.Report;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The conformance corpus of public third-party 834 files (enrollment/corpus, with its ATTRIBUTION), in the shapes of
 * the 005010X220A1 examples: dropped in the order of {@code expected.csv}, each file gives the outcome, counts and
 * rejection its row names, and leaves the member's coverage and name on the client record as the row says.
 */
class EnrollmentCorpusTest extends FhirServerTest {
  private static final Path CORPUS = Path.of("src/test/resources/enrollment/corpus");
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String ENROLLMENT = "https://fhir.casemgmt-adapter.org/sid/medicaid-enrollment";
  private static final String PAYER = "654456654";
  private static final FeedInbox INBOX = new FeedInbox(ENROLLMENT_INBOX);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/enrollment/corpus/expected.csv", delimiter = '|',
      useHeadersInDisplayName = true)
  void eachPublicFileGivesItsExpectedOutcome(String file, String outcome, String recorded, String rejected,
      String refused, String rejection, String coverageAfter, String nameAfter) throws Exception {
    String name = "corpus-" + UUID.randomUUID() + "-" + file;
    INBOX.drop(name, Files.readString(CORPUS.resolve(file), StandardCharsets.ISO_8859_1));
    Report report = INBOX.awaitReport(outcome.equals("REJECTED") ? "error" : "processed", name);

    assertThat(report.value("outcome")).isEqualTo(outcome);
    assertThat(report.value("members recorded")).isEqualTo(recorded);
    assertThat(report.value("members rejected")).isEqualTo(rejected);
    assertThat(report.value("members refused")).isEqualTo(refused);
    if (rejection.equals("-")) {
      assertThat(report.rejections()).isEmpty();
    } else {
      String[] expected = rejection.split(" ", 4); // scope, member id, element, part of the reason
      assertThat(report.rejections()).singleElement().satisfies(row -> {
        String[] columns = row.split("\\|", -1); // item|scope|member id|location|reason
        assertThat(columns[1]).isEqualTo(expected[0]);
        assertThat(columns[2]).as("member id").isEqualTo(expected[1].equals("-") ? "" : expected[1]);
        assertThat(columns[3]).contains(expected[2] + " (segment ");
        assertThat(columns[4]).contains(expected[3]);
      });
    }
    if (!coverageAfter.equals("-")) {
      for (String coverage : coverageAfter.split("&")) {
        String[] expected = coverage.trim().split(" ", 3); // member, HD03, status and period
        Coverage stored = single(Coverage.class, "Coverage?identifier=" + ENROLLMENT + "|" + expected[0] + "|"
            + PAYER + "|" + expected[1]);
        assertThat(stored.getStatus().toCode() + " " + stored.getPeriod().getStartElement().getValueAsString() + ".."
            + (stored.getPeriod().hasEnd() ? stored.getPeriod().getEndElement().getValueAsString() : ""))
            .as(coverage).isEqualTo(expected[2]);
      }
    }
    if (!nameAfter.equals("-")) {
      String[] expected = nameAfter.split(" ", 2); // member, family and given names
      HumanName known = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + expected[0])
          .getNameFirstRep();
      assertThat(known.getFamily() + " " + String.join(" ", known.getGiven().stream().map(StringType::getValue)
          .toList())).isEqualTo(expected[1]);
    }
  }
}
