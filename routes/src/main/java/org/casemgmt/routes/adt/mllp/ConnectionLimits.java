package org.casemgmt.routes.adt.mllp;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Whether the listener serves one more connection: its host must be among the allowed senders, and neither that
 * host nor all senders together may already hold their share of connections. Idle connections are closed after the
 * idle timeout; these limits make sure that, until then, one host's open sockets cannot use up every connection.
 */
final class ConnectionLimits {
  private final AllowedSenders allowedSenders;
  private final int maxConnections;
  private final int maxConnectionsPerSender;

  ConnectionLimits(AllowedSenders allowedSenders, int maxConnections, int maxConnectionsPerSender) {
    this.allowedSenders = allowedSenders;
    this.maxConnections = maxConnections;
    this.maxConnectionsPerSender = maxConnectionsPerSender;
  }

  /**
   * Why a new connection from {@code host} is refused, given the remote addresses of the connections open now; empty
   * when it is served. The reason names counts and the host only.
   */
  Optional<String> refusal(InetAddress host, List<InetAddress> open) {
    if (!allowedSenders.mayConnect(host)) {
      return Optional.of("its address is not among the allowed senders");
    }
    long fromHost = open.stream().filter(host::equals).count();
    if (fromHost >= maxConnectionsPerSender) {
      return Optional.of(fromHost + " of " + maxConnectionsPerSender + " connections per sender are open");
    }
    if (open.size() >= maxConnections) {
      return Optional.of(open.size() + " of " + maxConnections + " connections are open");
    }
    return Optional.empty();
  }
}
