package org.casemgmt.routes.adt.mllp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.component.mllp.MllpEndpoint;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.MllpSocketBuffer;
import org.apache.camel.component.mllp.internal.TcpSocketConsumerRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-mllp's endpoint, with a consumer that decides whether to serve a connection the moment it is accepted, before
 * anything is read from it: camel-mllp has a limit on all connections (maxConcurrentConsumers) but none per sender
 * and no list of allowed hosts, and a limit on all connections alone lets one host's idle sockets lock every other
 * sender out until they time out.
 *
 * <p>The hook is {@link MllpTcpServerConsumer#validateConsumer(Socket)}, which camel-mllp's accept thread calls with
 * every accepted socket, one at a time. Counting the connections it serves from its own table
 * ({@link MllpTcpServerConsumer#getConsumerRunnables()}) keeps no second bookkeeping that could drift; and as the
 * accept thread is the only one adding to that table, a burst of connections cannot slip past a limit together.
 * A refused socket is reset (no FIN handshake, no TIME_WAIT kept on our side).
 *
 * <p>An admitted socket goes straight to a consumer thread, skipping camel-mllp's "validation" step, which reads the
 * first frame on a separate thread to weed out load-balancer probes: a first frame larger than maxBufferSize makes
 * that step fail with nobody closing the socket, which would then count against its host forever and never meet the
 * idle timeout. The consumer thread closes the connection in every such case; a probe costs a thread for a moment,
 * within the limits above.
 */
final class ListenerEndpoint extends MllpEndpoint {
  private final ConnectionLimits limits;

  ListenerEndpoint(String uri, MllpComponent component, MllpConfiguration configuration, ConnectionLimits limits) {
    super(uri, component, configuration);
    this.limits = limits;
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    Consumer consumer = new LimitedConsumer(this, processor, limits);
    configureConsumer(consumer);
    return consumer;
  }

  /** The MLLP server consumer that applies {@link ConnectionLimits} to every connection it accepts. */
  static final class LimitedConsumer extends MllpTcpServerConsumer {
    private static final Logger connections = LoggerFactory.getLogger(ListenerEndpoint.class);
    private final ConnectionLimits limits;

    LimitedConsumer(MllpEndpoint endpoint, Processor processor, ConnectionLimits limits) {
      super(endpoint, processor);
      this.limits = limits;
    }

    @Override
    public void validateConsumer(Socket socket) {
      // On the accept thread: anything thrown here would end it, and the listener with it.
      try {
        InetAddress host = socket.getInetAddress();
        Optional<String> refusal = limits.refusal(host, openConnections());
        if (refusal.isPresent()) {
          connections.warn("MLLP connection from {} closed: {}", host.getHostAddress(), refusal.get());
          reset(socket);
          return;
        }
        startConsumer(socket, new MllpSocketBuffer(getEndpoint()));
      } catch (RuntimeException e) {
        connections.error("MLLP connection from {} could not be served", socket.getInetAddress(), e);
        reset(socket);
      }
    }

    /** The remote addresses of the connections served now; camel-mllp keeps closed ones it refused in its table. */
    private List<InetAddress> openConnections() {
      return getConsumerRunnables().keySet().stream().map(TcpSocketConsumerRunnable::getSocket)
          .filter(served -> !served.isClosed()).map(Socket::getInetAddress).toList();
    }

    private static void reset(Socket socket) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException alreadyGone) {
        // Nothing left to close.
      }
    }
  }
}
