package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the listener reads of a message before deciding to refuse it: the sending host and the MSH segment. */
class ListenerRefusalsTest {
  private static final String MSH = "MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|AGENCY|20260301083000||ADT^A01|C1|P|2.5.1";

  @ParameterizedTest(name = "{0} is from {1}")
  @CsvSource(nullValues = "-", value = {
      // camel-mllp's remote address header,   host
      "/10.20.1.5:51234,                         10.20.1.5",
      "engine.example.org/10.20.1.5:51234,       10.20.1.5",
      "/0:0:0:0:0:0:0:1:2575,                    0:0:0:0:0:0:0:1",
      "/fe80:0:0:0:0:0:0:1%eth0:2575,            fe80:0:0:0:0:0:0:1",
      "'',                                       -",
      "/not-an-address:1,                        -"})
  void theHostIsReadFromTheRemoteAddressWithoutAnyNameLookup(String header, String host) {
    assertThat(ListenerRefusals.hostOf(header).map(address -> address.getHostAddress()).orElse(null))
        .isEqualTo(host);
  }

  @ParameterizedTest(name = "[{index}] MSH read: {2}")
  @CsvSource(delimiter = ';', value = {
      // what comes before MSH and after it,  MSH read
      "'';                                    '\\rEVN|A01\\rPID|1\\r';  true",
      "'\\uFEFF';                             '\\nEVN|A01\\n';           true",   // byte-order mark, LF endings
      "'\\u000b';                             '\\r\\nEVN|A01\\r\\n';     true",   // framing byte left in place
      "'';                                    '';                       true",   // the MSH alone
      "'EVN|A01\\r';                          '\\rPID|1\\r';            false",  // not starting with MSH
      "'';                                    '<64 KiB>';               false"}) // MSH not ending where it is looked for
  void theMshSegmentIsReadFromTheStartOfTheMessageOnly(String before, String after, boolean read) {
    String tail = after.equals("<64 KiB>") ? "|" + "x".repeat(70_000) + "\rEVN|A01\r" : unescape(after);
    byte[] message = (unescape(before) + MSH + tail).getBytes(StandardCharsets.UTF_8);
    assertThat(ListenerRefusals.headerSegment(message)).isEqualTo(read ? MSH : "");
  }

  private static String unescape(String text) {
    return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\uFEFF", "\uFEFF").replace("\\u000b", "\u000b");
  }
}
