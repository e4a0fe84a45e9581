package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.junit.jupiter.api.Test;

/** ACKs as a sender's HL7 library reads them: parsed back with HAPI, field by field. */
class AcknowledgementsTest {
  private static final PipeParser HAPI = hapi();

  @Test
  void acceptEchoesTheControlIdAndSwapsSenderAndReceiver() throws Exception {
    AdtMessage message = AdtFixtures.parseSample("ADT-A01-01.hl7");
    Terser ack = parse(Acknowledgements.accept(message));
    assertThat(ack.get("MSH-3-1")).isEqualTo("EHRApp");
    assertThat(ack.get("MSH-4-1")).isEqualTo("GHHRFacility");
    assertThat(ack.get("MSH-4-2")).isEqualTo("2.16.840.1.1122848.1.32");
    assertThat(ack.get("MSH-5-1")).isEqualTo("ADTApp");
    assertThat(ack.get("MSH-6-1")).isEqualTo("GHHSFacility");
    assertThat(ack.get("MSH-9-1")).isEqualTo("ACK");
    assertThat(ack.get("MSH-9-2")).isEqualTo("A01");
    assertThat(ack.get("MSH-10")).isNotBlank().isNotEqualTo("MSG00001").hasSizeLessThanOrEqualTo(20);
    assertThat(ack.get("MSH-11")).isEqualTo("P");
    assertThat(ack.get("MSH-12")).isEqualTo("2.8");
    assertThat(ack.get("MSA-1")).isEqualTo("AA");
    assertThat(ack.get("MSA-2")).isEqualTo("MSG00001");
    assertThat(ack.getSegment("ERR").isEmpty()).isTrue();
  }

  @Test
  void everyAckHasItsOwnControlId() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01().text());
    assertThat(parse(Acknowledgements.accept(message)).get("MSH-10"))
        .isNotEqualTo(parse(Acknowledgements.accept(message)).get("MSH-10"));
  }

  @Test
  void rejectionCarriesCodeLocationSeverityAndReason() throws Exception {
    String raw = TestMessage.a01().set("PID", 7, "19X80101").text();
    Terser ack = parse(Acknowledgements.reject(raw, AdtFixtures.rejection(raw)));
    assertThat(ack.get("MSH-12")).isEqualTo("2.5.1");
    assertThat(ack.get("MSH-5")).isEqualTo("EPIC");
    assertThat(ack.get("MSH-6")).isEqualTo("NORTHSIDE");
    assertThat(ack.get("MSA-1")).isEqualTo("AE");
    assertThat(ack.get("MSA-2")).isEqualTo("NS-0001");
    assertThat(ack.get("ERR-2-1")).isEqualTo("PID");
    assertThat(ack.get("ERR-2-2")).isEqualTo("1");
    assertThat(ack.get("ERR-2-3")).isEqualTo("7");
    assertThat(ack.get("ERR-3-1")).isEqualTo("102");
    assertThat(ack.get("ERR-3-2")).isEqualTo("Data type error");
    assertThat(ack.get("ERR-3-3")).isEqualTo("HL70357");
    assertThat(ack.get("ERR-4")).isEqualTo("E");
    assertThat(ack.get("ERR-8")).isEqualTo("PID-7 birth date '19X80101' is not a valid HL7 date");
  }

  @Test
  void unsupportedVersionIsAnsweredInThatVersion() throws Exception {
    String raw = TestMessage.a01().set("MSH", 12, "2.1").text();
    Terser ack = parse(Acknowledgements.reject(raw, AdtFixtures.rejection(raw)));
    assertThat(ack.get("MSH-12")).isEqualTo("2.1");
    assertThat(ack.get("MSA-1")).isEqualTo("AR");
    assertThat(ack.get("ERR-3-1")).isEqualTo("203");
    assertThat(ack.get("ERR-2-1")).isEqualTo("MSH");
    assertThat(ack.get("ERR-2-3")).isEqualTo("12");
  }

  @Test
  void version23SendersAlsoGetErr1AndMsa3() throws Exception {
    String raw = TestMessage.a01().set("MSH", 12, "2.3").set("PV1", 44, "2025-03-02").text();
    String ackText = Acknowledgements.reject(raw, AdtFixtures.rejection(raw));
    Terser ack = parse(ackText);
    assertThat(ack.get("MSH-12")).isEqualTo("2.3");
    assertThat(ackText).contains("ERR|PV1^1^44^102&Data type error&HL70357|");
    assertThat(ackText).contains("MSA|AE|NS-0001|PV1-44 admit date/time '2025-03-02' is not a valid HL7 date/time");
  }

  @Test
  void garbageGetsAMinimalAckWithoutControlId() throws Exception {
    String garbage = "\u0000\u0001 definitely not HL7 \u00ff";
    Terser ack = parse(Acknowledgements.reject(garbage, AdtFixtures.rejection(garbage)));
    assertThat(ack.get("MSH-9-1")).isEqualTo("ACK");
    assertThat(ack.get("MSH-10")).isNotBlank();
    assertThat(ack.get("MSA-1")).isEqualTo("AR");
    assertThat(ack.get("MSA-2")).isNull();
    assertThat(ack.get("ERR-3-1")).isEqualTo("100");
    assertThat(ack.get("ERR-8")).isEqualTo("Not an HL7 v2 message: it does not start with an MSH segment");
  }

  @Test
  void unreadableEncodingCharactersGetTheDefaultOnes() throws Exception {
    String raw = TestMessage.a01().text().replaceFirst("\\^~\\\\&", "^~|&");
    String ackText = Acknowledgements.reject(raw, AdtFixtures.rejection(raw));
    assertThat(ackText).startsWith("MSH|^~\\&|");
    assertThat(parse(ackText).get("ERR-2-3")).isEqualTo("2");
  }

  @Test
  void ackUsesTheSendersSeparators() throws Exception {
    String raw = TestMessage.a01().text().replace('|', '#').replace('^', '@');
    String ackText = Acknowledgements.accept(AdtFixtures.parser().parse(raw));
    assertThat(ackText).startsWith("MSH#@~\\&#CASEMGMT#CASEMGMT#EPIC#NORTHSIDE#");
    Terser ack = parse(ackText);
    assertThat(ack.get("MSH-9-2")).isEqualTo("A01");
    assertThat(ack.get("MSA-2")).isEqualTo("NS-0001");
  }

  @Test
  void storageFailureAsksTheSenderToRetry() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01().text());
    Terser ack = parse(Acknowledgements.error(message, "The record store did not answer; send again"));
    assertThat(ack.get("MSA-1")).isEqualTo("AE");
    assertThat(ack.get("MSA-2")).isEqualTo("NS-0001");
    assertThat(ack.get("ERR-2-1")).isNull();
    assertThat(ack.get("ERR-3-1")).isEqualTo("207");
    assertThat(ack.get("ERR-3-2")).isEqualTo("Application internal error");
    assertThat(ack.get("ERR-4")).isEqualTo("E");
    assertThat(ack.get("ERR-8")).isEqualTo("The record store did not answer; send again");
  }

  @Test
  void ignoredEventsAreAcceptedToo() throws Exception {
    AdtMessage message = AdtFixtures.parseSample("ADT-A28-01.hl7");
    assertThat(message.supported()).isFalse();
    assertThat(parse(Acknowledgements.accept(message)).get("MSA-1")).isEqualTo("AA");
  }

  private static Terser parse(String ack) throws Exception {
    assertThat(ack).doesNotContain("\n");
    Message message = HAPI.parse(ack);
    return new Terser(message);
  }

  private static PipeParser hapi() {
    HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.8"));
    context.setValidationContext(ValidationContextFactory.noValidation());
    return context.getPipeParser();
  }
}
