package org.casemgmt.routes.adt.mllp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HL7 v2 MLLP listener ({@code adapter.mllp.*}, defaults and documentation in {@code config/mllp.yml}): where it
 * listens, how long a silent connection is kept, how many connections it serves (in all and per sending host), how
 * large a message it takes, which hosts and facilities may send, and TLS. Every problem is listed at once and stops
 * start-up.
 *
 * @param host                    the local address to bind ({@code 0.0.0.0}: all)
 * @param port                    the TCP port
 * @param idleTimeout             a connection on which nothing arrives for this long is closed
 * @param maxConnections          connections served at once, from all senders
 * @param maxConnectionsPerSender connections served at once from one remote address; one more is closed at once
 * @param maxMessageBytes         the largest message taken; a larger one is answered AR and not kept
 * @param maxFrameBytes           the most read of one MLLP frame; a larger frame cannot be answered (a sender reads
 *                                its acknowledgement only after sending the whole frame), so the connection is reset
 * @param allowedSenders          who may send; empty: anyone who can reach the port
 * @param tls                     TLS on the listener
 */
@ConfigurationProperties("adapter.mllp")
public record MllpListenerSettings(String host, int port, Duration idleTimeout, int maxConnections,
    int maxConnectionsPerSender, DataSize maxMessageBytes, DataSize maxFrameBytes, List<AllowedSender> allowedSenders,
    Tls tls) {

  public MllpListenerSettings {
    host = host == null || host.isBlank() ? "0.0.0.0" : host.strip();
    port = port == 0 ? 2575 : port;
    idleTimeout = Objects.requireNonNullElse(idleTimeout, Duration.ofMinutes(5));
    maxConnections = maxConnections == 0 ? 50 : maxConnections;
    maxConnectionsPerSender = maxConnectionsPerSender == 0 ? 4 : maxConnectionsPerSender;
    maxMessageBytes = Objects.requireNonNullElse(maxMessageBytes, DataSize.ofMegabytes(1));
    maxFrameBytes = Objects.requireNonNullElse(maxFrameBytes, DataSize.ofMegabytes(4));
    allowedSenders = List.copyOf(Objects.requireNonNullElse(allowedSenders, List.of()));
    tls = Objects.requireNonNullElse(tls, new Tls(false, null, null, null, null, null, null));
    List<String> problems = new ArrayList<>();
    if (port < 1 || port > 65_535) {
      problems.add("port " + port + " is not a TCP port");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
      problems.add("idle-timeout " + idleTimeout + " must be positive and under 24 days");
    }
    if (maxConnections < 1) {
      problems.add("max-connections " + maxConnections + " must be at least 1");
    }
    if (maxConnectionsPerSender < 1 || maxConnectionsPerSender > maxConnections) {
      problems.add("max-connections-per-sender " + maxConnectionsPerSender + " must be 1 to max-connections ("
          + maxConnections + ")");
    }
    if (maxMessageBytes.toBytes() < 1) {
      problems.add("max-message-bytes must be positive");
    }
    if (maxFrameBytes.toBytes() <= maxMessageBytes.toBytes() || maxFrameBytes.toBytes() > Integer.MAX_VALUE / 2) {
      problems.add("max-frame-bytes " + maxFrameBytes.toBytes() + " must be larger than max-message-bytes ("
          + maxMessageBytes.toBytes() + "), so that a message over the limit is read whole and answered, and under"
          + " 1 GB");
    }
    for (int i = 0; i < allowedSenders.size(); i++) {
      for (String problem : allowedSenders.get(i).problems()) {
        problems.add("allowed-senders[" + i + "]: " + problem);
      }
    }
    problems.addAll(tls.problems());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("The MLLP listener settings (adapter.mllp) cannot be used:\n  "
          + String.join("\n  ", problems));
    }
  }

  /**
   * A host, or a block of hosts, that may send, and the facility it may send for.
   *
   * @param address         an IP address or CIDR block; never a host name
   * @param sendingFacility the MSH-4 its messages must carry, by namespace id or universal id and ignoring case (as
   *                        the ADT mapping tables match facilities), or {@code *} for any
   */
  public record AllowedSender(AddressRange address, String sendingFacility) {
    public static final String ANY_FACILITY = "*";

    public AllowedSender {
      sendingFacility = sendingFacility == null ? null : sendingFacility.strip();
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (address == null) {
        problems.add("address is missing (an IP address or CIDR block)");
      }
      if (sendingFacility == null || sendingFacility.isEmpty()) {
        problems.add("sending-facility is missing (the MSH-4 namespace id, or * for any facility)");
      }
      return problems;
    }

    boolean allowsFacility(Collection<String> facilityIds) {
      return ANY_FACILITY.equals(sendingFacility) || facilityIds.stream().anyMatch(sendingFacility::equalsIgnoreCase);
    }

    @Override
    public String toString() {
      return address + " " + sendingFacility;
    }
  }

  /**
   * TLS on the listener, through Camel's SSLContextParameters. Stores are read as Camel resolves resources: a file
   * path, or {@code classpath:}/{@code file:} prefixed.
   *
   * @param enabled            whether senders must connect over TLS
   * @param keyStore           the key store holding the listener's private key and certificate chain
   * @param keyStorePassword   its password (also the key's password)
   * @param keyStoreType       PKCS12 (default) or JKS
   * @param clientAuth         NONE (default), WANT or REQUIRE a certificate from the sender
   * @param trustStore         the certificates senders' certificates must chain to; needed unless client-auth is NONE
   * @param trustStorePassword its password
   */
  public record Tls(boolean enabled, String keyStore, String keyStorePassword, String keyStoreType,
      ClientAuthentication clientAuth, String trustStore, String trustStorePassword) {

    public Tls {
      keyStoreType = keyStoreType == null || keyStoreType.isBlank() ? "PKCS12" : keyStoreType.strip();
      clientAuth = Objects.requireNonNullElse(clientAuth, ClientAuthentication.NONE);
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (!enabled) {
        return problems;
      }
      if (blank(keyStore) || keyStorePassword == null) {
        problems.add("tls.key-store and tls.key-store-password are needed when tls.enabled is true");
      }
      if (clientAuth != ClientAuthentication.NONE && (blank(trustStore) || trustStorePassword == null)) {
        problems.add("tls.trust-store and tls.trust-store-password are needed when tls.client-auth is "
            + clientAuth);
      }
      return problems;
    }

    /** For the start-up log: never the passwords. */
    @Override
    public String toString() {
      if (!enabled) {
        return "off";
      }
      return "on (key store " + keyStore + ", " + keyStoreType + "; client certificates " + clientAuth
          + (clientAuth == ClientAuthentication.NONE ? "" : ", trust store " + trustStore) + ")";
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }
  }
}
