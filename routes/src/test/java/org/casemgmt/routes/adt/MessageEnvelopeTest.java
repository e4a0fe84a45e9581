package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What varies between senders around the same content (segment ends, byte-order mark, MLLP framing left in place,
 * separators, versions) changes nothing in what is mapped.
 */
class MessageEnvelopeTest {
  private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();
  private static final String EXPECTED = mapped(TestMessage.a01().text());

  @ParameterizedTest(name = "segments ended by {0}")
  @ValueSource(strings = {"\r", "\n", "\r\n"})
  void segmentEndsMakeNoDifference(String end) {
    assertThat(mapped(TestMessage.a01().text(end.equals("\r") ? "\r" : end))).isEqualTo(EXPECTED);
  }

  @Test
  void byteOrderMarkAndMllpFramingMakeNoDifference() {
    assertThat(mapped("\uFEFF" + TestMessage.a01().text("\n"))).isEqualTo(EXPECTED);
    assertThat(mapped("\u000B" + TestMessage.a01().text() + "\u001C\r")).isEqualTo(EXPECTED);
  }

  @Test
  void otherFieldAndComponentSeparatorsAreReadFromMsh() {
    String hashes = TestMessage.a01().text().replace('|', '#');
    assertThat(hashes).startsWith("MSH#^~\\&#");
    assertThat(mapped(hashes)).isEqualTo(EXPECTED);
    String ats = TestMessage.a01().text().replace('^', '@');
    assertThat(ats).startsWith("MSH|@~\\&|");
    assertThat(mapped(ats)).isEqualTo(EXPECTED);
  }

  @Test
  void escapeSequencesFollowTheDeclaredEscapeCharacter() throws Exception {
    String standard = TestMessage.a01().set("PID", 5, "Smith\\T\\Jones^Dana").text();
    assertThat(AdtFixtures.parser().parse(standard).patient().getNameFirstRep().getFamily()).isEqualTo("Smith&Jones");
    String dollar = TestMessage.a01().text().replaceFirst("\\^~\\\\&", "^~\\$&").replace("Rivera^", "Smith$T$Jones^");
    assertThat(dollar).startsWith("MSH|^~$&|");
    assertThat(AdtFixtures.parser().parse(dollar).patient().getNameFirstRep().getFamily()).isEqualTo("Smith&Jones");
  }

  @ParameterizedTest(name = "version {0}")
  @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8"})
  void everyVersionFrom23To28IsReadTheSame(String version) throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01().set("MSH", 12, version).text());
    assertThat(message.header().version()).isEqualTo(version);
    assertThat(JSON.encodeResourceToString(message.patient()))
        .isEqualTo(JSON.encodeResourceToString(AdtFixtures.parser().parse(TestMessage.a01().text()).patient()));
  }

  @Test
  void version23WithTheEventOnlyInEvn1() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01().set("MSH", 9, "ADT").set("MSH", 12, "2.3")
        .text());
    assertThat(message.event()).isEqualTo("A01");
    assertThat(message.supported()).isTrue();
  }

  @Test
  void theStructureNamedInMsh93DoesNotMatter() throws Exception {
    for (String type : List.of("ADT^A01", "ADT^A01^ADT_A01", "ADT^A01^ADT_A04", "ADT^A01^NONSENSE")) {
      assertThat(mapped(TestMessage.a01().set("MSH", 9, type).text())).as(type).isEqualTo(EXPECTED);
    }
  }

  @Test
  void headerFacts() throws Exception {
    MessageHeader header = AdtFixtures.parseSample("ADT-A01-01.hl7").header();
    assertThat(header.sendingApplication()).isEqualTo("ADTApp");
    assertThat(header.sendingFacility()).isEqualTo("GHHSFacility");
    assertThat(header.receivingApplication()).isEqualTo("EHRApp");
    assertThat(header.receivingFacility()).isEqualTo("GHHRFacility");
    assertThat(header.controlId()).isEqualTo("MSG00001");
    assertThat(header.version()).isEqualTo("2.8");
    assertThat(header.processingId()).isEqualTo("P");
    assertThat(header.sentAt()).hasToString("1989-08-18T11:26+02:15");
  }

  @Test
  void headerWithoutNamespaceUsesTheUniversalId() throws Exception {
    MessageHeader header = AdtFixtures.parser().parse(TestMessage.a01().set("MSH", 4, "^2.16.840.1.113883.19.5^ISO")
        .text()).header();
    assertThat(header.sendingFacility()).isEqualTo("2.16.840.1.113883.19.5");
  }

  @Test
  void ignoredEventsAreNotCheckedBeyondTheirHeader() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.adt("A28").set("PID", 7, "not a date").text());
    assertThat(message.supported()).isFalse();
    assertThat(message.event()).isEqualTo("A28");
    assertThat(message.header().controlId()).isEqualTo("NS-0001");
  }

  @Test
  void oneParserServesManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String raw = i % 2 == 0 ? TestMessage.a01().text() : TestMessage.a01().text("\n");
        results.add(pool.submit(() -> mapped(raw)));
      }
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo(EXPECTED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Everything a message maps to, as one comparable text. */
  private static String mapped(String raw) {
    try {
      AdtMessage message = AdtFixtures.parser().parse(raw);
      StringBuilder text = new StringBuilder(message.event()).append('\n')
          .append(JSON.encodeResourceToString(message.patient())).append('\n')
          .append(JSON.encodeResourceToString(message.encounter()));
      message.diagnoses().forEach(c -> text.append('\n').append(JSON.encodeResourceToString(c)));
      return text.toString();
    } catch (AdtRejection e) {
      throw new AssertionError(e.getMessage() + ": " + e.reason());
    }
  }

  @Test
  void theContentDigestIgnoresHowSegmentsEndButNotWhatTheySay() throws Exception {
    String message = TestMessage.a01().text();
    String digest = AdtFixtures.parser().parse(message).contentDigest();
    assertThat(AdtFixtures.parser().parse("\uFEFF" + message.replace("\r", "\r\n")).contentDigest())
        .isEqualTo(digest);
    assertThat(AdtFixtures.parser().parse(TestMessage.a01().set("PV1", 45, "20250305").text()).contentDigest())
        .isNotEqualTo(digest);
  }
}
