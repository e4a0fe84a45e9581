package org.casemgmt.routes.adt.mllp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR block ({@code 10.20.0.0/16}, {@code fd00::/8}), as the allowed senders name them. Only
 * literals are read: a host name would need a DNS lookup, and a list of who may send must not change with DNS.
 * An IPv4 address sent over IPv6 ({@code ::ffff:10.20.1.5}) is the IPv4 address.
 *
 * @param network      the first address of the block (host bits cleared)
 * @param prefixLength how many leading bits an address must share with it
 */
public record AddressRange(InetAddress network, int prefixLength) {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  /** Reads {@code address} or {@code address/prefix}; Spring binds configuration values through this. */
  public static AddressRange of(String text) {
    String value = text == null ? "" : text.strip();
    int slash = value.indexOf('/');
    InetAddress address = literal(slash < 0 ? value : value.substring(0, slash))
        .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"
            + " (host names are not accepted)"));
    int bits = address.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = value.substring(slash + 1);
      if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
        throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + bits);
      }
      prefix = Integer.parseInt(length);
    }
    return new AddressRange(masked(address, prefix), prefix);
  }

  /**
   * An IP literal as an address, without any name lookup; empty for anything else. Accepts the zone suffix Java
   * puts on link-local IPv6 addresses ({@code fe80::1%eth0}), which plays no part in matching.
   */
  public static Optional<InetAddress> literal(String text) {
    String value = text == null ? "" : text.strip();
    int zone = value.indexOf('%');
    if (zone >= 0 && value.contains(":")) {
      value = value.substring(0, zone);
    }
    if (IPV4.matcher(value).matches()) {
      byte[] bytes = new byte[4];
      String[] parts = value.split("\\.");
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(parts[i]);
        if (part > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) part;
      }
      return Optional.of(byAddress(bytes));
    }
    if (value.contains(":") && IPV6.matcher(value).matches()) {
      try {
        // Starting with a hex digit or ':' and holding a ':', the text is parsed as an IPv6 literal, never looked up.
        return Optional.of(InetAddress.getByName(value));
      } catch (UnknownHostException notALiteral) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Whether the address falls in this block; IPv4 and IPv6 blocks only hold addresses of their own family. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    byte[] base = network.getAddress();
    return candidate.length == base.length && Arrays.equals(masked(address, prefixLength).getAddress(), base);
  }

  @Override
  public String toString() {
    String host = network.getHostAddress();
    return prefixLength == network.getAddress().length * 8 ? host : host + "/" + prefixLength;
  }

  private static InetAddress masked(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    return byAddress(bytes);
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
