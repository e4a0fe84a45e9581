package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What is refused, and how precisely: AR for what this receiver does not take at all (not HL7, unreadable header,
 * other type or version), AE for ADT content that is wrong or missing; each with its HL7 table 0357 code and the
 * field at fault.
 */
class RejectionTest {
  private static final String GARBAGE = new String(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
      0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R', (byte) 0xFF, (byte) 0xFE}, StandardCharsets.ISO_8859_1);

  static Stream<Arguments> refusals() {
    String a01 = TestMessage.a01().text();
    return Stream.of(
        refusal("an empty message", "", "AR", 100, "MSH"),
        refusal("binary garbage", GARBAGE, "AR", 100, "MSH"),
        refusal("JSON, not HL7", "{\"resourceType\":\"Patient\"}", "AR", 100, "MSH"),
        refusal("a message truncated inside MSH", a01.substring(0, 40), "AR", 100, "MSH"),
        refusal("MSH-2 with the field separator in it (MSH|^~|&)", a01.replaceFirst("\\^~\\\\&", "^~|&"),
            "AR", 102, "MSH-2"),
        refusal("a letter as field separator", a01.replace('|', 'X'), "AR", 102, "MSH-1"),
        refusal("a segment without segment id", a01 + "garbage after the last segment\r", "AR", 100, ""),
        refusal("a control character in PID-5", TestMessage.a01().set("PID", 5, "Rivera\u0001^Dana").text(),
            "AR", 102, "PID-5"),
        refusal("no MSH-10 control id", TestMessage.a01().set("MSH", 10, "").text(), "AR", 101, "MSH-10"),
        refusal("version 2.1", TestMessage.a01().set("MSH", 12, "2.1").text(), "AR", 203, "MSH-12"),
        refusal("version 2.9", TestMessage.a01().set("MSH", 12, "2.9").text(), "AR", 203, "MSH-12"),
        refusal("no version", TestMessage.a01().set("MSH", 12, "").text(), "AR", 101, "MSH-12"),
        refusal("an ORU^R01 result", TestMessage.a01().set("MSH", 9, "ORU^R01^ORU_R01").text(), "AR", 200, "MSH-9"),
        refusal("no trigger event anywhere", TestMessage.a01().set("MSH", 9, "ADT").set("EVN", 1, "").text(),
            "AR", 101, "MSH-9"),
        refusal("MSH-7 not a time", TestMessage.a01().set("MSH", 7, "yesterday").text(), "AR", 102, "MSH-7"),
        refusal("MSH alone", a01.substring(0, a01.indexOf('\r') + 1), "AE", 100, "PID"),
        refusal("no PID", TestMessage.a01().without("PID").text(), "AE", 100, "PID"),
        refusal("PID-3 empty", TestMessage.a01().set("PID", 3, "").text(), "AE", 101, "PID-3"),
        refusal("PID-3 with only an SSN", TestMessage.a01().set("PID", 3, "123456789^^^SSA^SS").text(),
            "AE", 101, "PID-3"),
        refusal("a birth date with a letter", TestMessage.a01().set("PID", 7, "19X80101").text(), "AE", 102, "PID-7"),
        refusal("30 February", TestMessage.a01().set("PID", 7, "19860230").text(), "AE", 102, "PID-7"),
        refusal("an ISO admit time", TestMessage.a01().set("PV1", 44, "2025-03-02T21:14").text(),
            "AE", 102, "PV1-44"),
        refusal("an admit time at 25 o'clock", TestMessage.a01().set("PV1", 44, "202503022514").text(),
            "AE", 102, "PV1-44"),
        refusal("an offset of +25 hours", TestMessage.a01().set("PV1", 44, "202503022114+2500").text(),
            "AE", 102, "PV1-44"),
        refusal("a bad discharge time", TestMessage.adt("A03").set("PV1", 45, "2025031").text(), "AE", 102,
            "PV1-45"),
        refusal("discharge before admission", TestMessage.adt("A03").set("PV1", 45, "20250301").text(), "AE", 102,
            "PV1-45"),
        refusal("a bad EVN-2", TestMessage.a01().set("EVN", 2, "2025-03-02").text(), "AE", 102, "EVN-2"),
        refusal("an admission without any start", TestMessage.a01().set("PV1", 44, "").without("EVN").text(),
            "AE", 101, "PV1-44"),
        refusal("a discharge without any end", TestMessage.adt("A03").without("EVN").text(), "AE", 101, "PV1-45"),
        refusal("an admission without visit number or admit time",
            TestMessage.a01().set("PV1", 19, "").set("PV1", 44, "").text(), "AE", 101,
            "PV1-19"),
        refusal("a bad diagnosis time in the second DG1",
            TestMessage.a01().add("DG1|2||F319^Bipolar^I10||2025-03-03|W").text(), "AE", 102, "DG1[2]-5"));
  }

  private static Arguments refusal(String what, String raw, String ack, int code, String location) {
    return Arguments.of(what, raw, ack, code, location);
  }

  @ParameterizedTest(name = "{0}: {2} {3} at {4}")
  @MethodSource("refusals")
  void isRefusedPrecisely(String what, String raw, String ack, int code, String location) {
    AdtRejection rejection = AdtFixtures.rejection(raw);
    assertThat(rejection.ackCode()).isEqualTo(ack);
    assertThat(rejection.errorCode()).isEqualTo(code);
    assertThat(rejection.location()).isEqualTo(location);
    assertThat(rejection.reason()).isNotBlank();
    assertThat(rejection.getMessage()).as("the loggable message names no values")
        .isEqualTo(ack + " " + code + " " + rejection.errorText() + " at " + location);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void everyRefusalCanBeAcknowledged(String what, String raw, String ack, int code, String location) {
    String ackMessage = Acknowledgements.reject(raw, AdtFixtures.rejection(raw));
    assertThat(ackMessage).contains("MSA").contains(String.valueOf(code));
  }

  @org.junit.jupiter.api.Test
  void reasonsSayWhatIsWrongWithWhichValue() {
    assertThat(AdtFixtures.rejection(TestMessage.a01().set("PID", 7, "19X80101").text()).reason())
        .isEqualTo("PID-7 birth date '19X80101' is not a valid HL7 date");
    assertThat(AdtFixtures.rejection(TestMessage.a01().set("MSH", 12, "2.1").text()).reason())
        .isEqualTo("MSH-12 version 2.1 is not supported: this receiver takes HL7 v2.3 to v2.8");
    assertThat(AdtFixtures.rejection(TestMessage.a01().set("MSH", 9, "ORU^R01^ORU_R01").text()).reason())
        .isEqualTo("MSH-9 message type 'ORU' is not supported: this receiver takes ADT messages only");
  }

  /** What a dead-letter list shows: code, location and the reason, without the value it quotes. */
  @org.junit.jupiter.api.Test
  void explanationsKeepTheReasonAndLeaveTheValueOut() {
    assertThat(AdtFixtures.rejection(TestMessage.a01().set("PID", 7, "19X80101").text()).explanation())
        .isEqualTo("AE 102 Data type error at PID-7: PID-7 birth date '…' is not a valid HL7 date");
  }
}
