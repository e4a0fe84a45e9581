package org.casemgmt.routes.adt.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.casemgmt.routes.adt.mllp.MllpListenerSettings.AllowedSender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may connect and who may send for which facility, with the list of a hospital network and its partners. */
class AllowedSendersTest {
  private final AllowedSenders network = new AllowedSenders(List.of(
      new AllowedSender(AddressRange.of("10.20.0.0/16"), "*"),          // the hospital's own interface engines
      new AllowedSender(AddressRange.of("192.0.2.10"), "NORTHSIDE"),    // a partner sending for one facility
      new AllowedSender(AddressRange.of("192.0.2.10"), "1.2.840.114350"), // ... and for one named by OID
      new AllowedSender(AddressRange.of("192.0.2.11"), "RIVERVIEW")));

  @ParameterizedTest(name = "{0} may connect: {1}")
  @CsvSource({
      "10.20.3.4,   true",
      "192.0.2.10,  true",
      "192.0.2.11,  true",
      "192.0.2.12,  false",
      "10.21.0.1,   false",
      "::1,         false"})
  void aHostMayConnectWhenAnEntryNamesItsAddress(String host, boolean may) {
    assertThat(network.mayConnect(address(host))).isEqualTo(may);
  }

  @ParameterizedTest(name = "{0} for [{1}]: {2}")
  @CsvSource({
      // host,        MSH-4 ids (namespace;universal), may send
      "10.20.3.4,     NORTHSIDE,                       true",   // * takes any facility
      "10.20.3.4,     '',                              true",   // even none
      "192.0.2.10,    NORTHSIDE,                       true",
      "192.0.2.10,    northside,                       true",   // ignoring case, as the mapping tables do
      "192.0.2.10,    RIVERVIEW,                       false",  // another host's facility
      "192.0.2.10,    'NS;1.2.840.114350',             true",   // by the universal id of MSH-4
      "192.0.2.10,    '',                              false",
      "192.0.2.11,    RIVERVIEW,                       true",
      "192.0.2.11,    NORTHSIDE,                       false",
      "192.0.2.12,    NORTHSIDE,                       false"}) // a host no entry names
  void aMessageIsAllowedWhenAnEntryForItsHostNamesItsFacility(String host, String ids, boolean may) {
    List<String> facilityIds = ids.isEmpty() ? List.of() : Arrays.asList(ids.split(";"));
    assertThat(network.maySend(address(host), facilityIds)).isEqualTo(may);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"10.20.3.4", "::1", "203.0.113.9"})
  void anEmptyListAllowsEveryHostAndFacility(String host) {
    AllowedSenders everyone = new AllowedSenders(List.of());
    assertThat(everyone.mayConnect(address(host))).isTrue();
    assertThat(everyone.maySend(address(host), List.of("ANYWHERE"))).isTrue();
  }

  private static InetAddress address(String literal) {
    return AddressRange.literal(literal).orElseThrow();
  }
}
