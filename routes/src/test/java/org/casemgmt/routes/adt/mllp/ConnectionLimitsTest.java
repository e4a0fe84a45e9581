package org.casemgmt.routes.adt.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.adt.mllp.MllpListenerSettings.AllowedSender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether one more connection is served: at most 6 in all and 2 per host, from hosts in 10.20.0.0/16. */
class ConnectionLimitsTest {
  private final ConnectionLimits limits = new ConnectionLimits(
      new AllowedSenders(List.of(new AllowedSender(AddressRange.of("10.20.0.0/16"), "*"))), 6, 2);

  @ParameterizedTest(name = "{0} with {1} open from it and {2} in all: {3}")
  @CsvSource(nullValues = "-", value = {
      // host,      open from it, open in all, refusal (- = served)
      "10.20.1.1,   0,            0,           -",
      "10.20.1.1,   1,            5,           -",
      "10.20.1.1,   2,            2,           2 of 2 connections per sender are open",
      "10.20.1.1,   0,            6,           6 of 6 connections are open",
      "10.20.1.1,   2,            6,           2 of 2 connections per sender are open",
      "10.99.1.1,   0,            0,           its address is not among the allowed senders"})
  void aConnectionIsServedWithinBothLimitsFromAnAllowedHost(String host, int fromHost, int inAll, String refusal) {
    InetAddress address = AddressRange.literal(host).orElseThrow();
    List<InetAddress> open = new ArrayList<>();
    for (int i = 0; i < inAll; i++) {
      open.add(i < fromHost ? address : AddressRange.literal("10.20.9." + i).orElseThrow());
    }
    assertThat(limits.refusal(address, open).orElse(null)).isEqualTo(refusal);
  }
}
