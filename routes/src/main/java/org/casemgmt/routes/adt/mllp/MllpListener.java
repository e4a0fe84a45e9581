package org.casemgmt.routes.adt.mllp;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HL7 v2 MLLP listener as {@link MllpListenerSettings} describe it: camel-mllp's own options wherever it has one
 * (idle timeout, connection limit, frame limit, TLS, PHI logging), {@link ConnectionLimits} for what it lacks.
 */
@Component
public class MllpListener {
  /**
   * camel-mllp grows a connection's buffer by its minimum size (or what the socket has ready, if more) and copies it
   * whole each time, so reading a frame costs time growing with the square of its size over this step. With the
   * default (2 KiB, 8 KiB steps as the socket delivers) a 4 MiB frame took 3.5 s to read on the 2-core test machine,
   * with 64 KiB steps 1.2 s. Every connection starts with a buffer of this size.
   */
  private static final int BUFFER_STEP = 64 * 1024;
  /**
   * The buffer must hold a whole frame plus the free space camel-mllp insists on before each read (one step, or
   * what the socket has ready), or a frame just under the limit fails.
   */
  private static final int BUFFER_HEADROOM = 2 * BUFFER_STEP;
  private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

  private final MllpListenerSettings settings;
  private final AllowedSenders allowedSenders;

  public MllpListener(MllpListenerSettings settings) {
    this.settings = settings;
    this.allowedSenders = new AllowedSenders(settings.allowedSenders());
  }

  public AllowedSenders allowedSenders() {
    return allowedSenders;
  }

  /** The largest message taken; larger ones are refused with AR. */
  public long maxMessageBytes() {
    return settings.maxMessageBytes().toBytes();
  }

  /** The endpoint a route consumes from; the settings in effect are logged. */
  public Endpoint endpoint(CamelContext camel) {
    MllpComponent component = camel.getComponent("mllp", MllpComponent.class);
    // logPhi=false keeps message content out of camel-mllp's exception messages. Several of its log lines (bytes
    // outside a frame, a partial frame, and at DEBUG every message and acknowledgement) print content whatever
    // logPhi says, up to logPhiMaxBytes, for which 0 means no limit: 1 byte is the least it can be told.
    component.setLogPhi(false);
    component.setLogPhiMaxBytes(1);

    String uri = "mllp://" + settings.host() + ":" + settings.port();
    ListenerEndpoint endpoint = new ListenerEndpoint(uri, component, new MllpConfiguration(),
        new ConnectionLimits(allowedSenders, settings.maxConnections(), settings.maxConnectionsPerSender()));
    endpoint.setHostname(settings.host());
    endpoint.setPort(settings.port());
    // Set on the endpoint's own configuration: the endpoint copies the one it is given, and that copy leaves out
    // the buffer sizes.
    MllpConfiguration configuration = endpoint.getConfiguration();
    // The acknowledgement is ours, sent once the message is recorded or refused.
    configuration.setAutoAck(false);
    configuration.setHl7Headers(false);
    configuration.setRequireEndOfData(false);
    // Bytes, so that a message's size is its size on the wire; the route decodes it as UTF-8.
    configuration.setStringPayload(false);
    configuration.setCharsetName("UTF-8");
    int idleMillis = (int) settings.idleTimeout().toMillis();
    // camel-mllp checks the idle timeout only when a wait for the start of a frame (receiveTimeout) runs out, so
    // that wait is the idle timeout itself: a silent connection is closed after one idle timeout, not up to two.
    configuration.setIdleTimeout(idleMillis);
    configuration.setReceiveTimeout(idleMillis);
    configuration.setMaxConcurrentConsumers(settings.maxConnections());
    configuration.setMinBufferSize(BUFFER_STEP);
    configuration.setMaxBufferSize((int) settings.maxFrameBytes().toBytes() + BUFFER_HEADROOM);
    if (settings.tls().enabled()) {
      configuration.setSslContextParameters(ListenerTls.parameters(settings.tls(), camel));
    }
    log.info("MLLP listener on {}:{}: silent connections closed after {}; at most {} connections, {} per sender; "
            + "messages up to {} bytes (larger: AR), frames up to {} bytes (larger: connection reset); allowed "
            + "senders: {}; TLS {}", settings.host(), settings.port(), settings.idleTimeout(),
        settings.maxConnections(), settings.maxConnectionsPerSender(), settings.maxMessageBytes().toBytes(),
        settings.maxFrameBytes().toBytes(), allowedSenders, settings.tls());
    return endpoint;
  }
}
