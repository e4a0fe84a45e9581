package org.casemgmt.routes.adt.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Allowed senders are named by IP address or CIDR block; which addresses each one holds. */
class AddressRangeTest {

  @ParameterizedTest(name = "{0} holds {1}: {2}")
  @CsvSource({
      // range,              address,              held
      "10.20.1.5,            10.20.1.5,            true",   // one address
      "10.20.1.5,            10.20.1.6,            false",
      "10.20.1.5/32,         10.20.1.5,            true",
      "10.20.0.0/16,         10.20.255.1,          true",
      "10.20.0.0/16,         10.21.0.1,            false",
      "10.20.7.9/16,         10.20.200.200,        true",   // host bits in the range are ignored
      "10.20.0.0/12,         10.31.255.255,        true",   // a prefix not on a byte boundary
      "10.20.0.0/12,         10.32.0.0,            false",
      "172.16.5.0/23,        172.16.4.1,           true",
      "172.16.5.0/23,        172.16.6.1,           false",
      "0.0.0.0/0,            192.0.2.44,           true",   // every IPv4 address
      "0.0.0.0/0,            2001:db8::1,          false",  // but no IPv6 one
      "10.20.1.5,            ::ffff:10.20.1.5,     true",   // an IPv4 address sent over IPv6 is the IPv4 address
      "::1,                  ::1,                  true",
      "::1,                  0:0:0:0:0:0:0:1,      true",
      "2001:db8::/32,        2001:db8:ffff::7,     true",
      "2001:db8::/32,        2001:db9::7,          false",
      "fd00::/8,             fdab:1::2,            true",
      "fd00::/8,             10.20.1.5,            false",
      "2001:db8::/32,        fe80::1%1,            false"})
  void aRangeHoldsTheAddressesWithItsPrefix(String range, String address, boolean held) {
    assertThat(AddressRange.of(range).contains(AddressRange.literal(address).orElseThrow())).isEqualTo(held);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @CsvSource(nullValues = "-", value = {
      "hospital.example.org",  // names would need DNS
      "localhost",
      "10.20.1",
      "10.20.1.256",
      "10.20.1.5/33",
      "2001:db8::/129",
      "10.20.1.5/",
      "10.20.1.5/-1",
      "10.20.1.5/a",
      ".1:2",
      "'::g'",
      "''",
      "-"})
  void anythingButAnAddressOrBlockIsRefused(String text) {
    assertThatThrownBy(() -> AddressRange.of(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource({
      "10.20.1.5,      10.20.1.5",
      " 10.20.0.0/16 , 10.20.0.0/16",
      "10.20.7.9/16,   10.20.0.0/16",
      "2001:DB8::/32,  2001:db8:0:0:0:0:0:0/32"})
  void aRangeIsShownAsItsNetwork(String text, String shown) {
    assertThat(AddressRange.of(text)).hasToString(shown);
  }
}
