package org.casemgmt.routes.adt;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpConstants;
import org.casemgmt.routes.DeadLetters;
import org.casemgmt.routes.FeedHeaders;
import org.casemgmt.routes.adt.mllp.AddressRange;
import org.casemgmt.routes.adt.mllp.AllowedSenders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MLLP listener refuses before a message reaches the intake, reading no more of it than the MSH segment:
 * <ul>
 *   <li>a message larger than {@code adapter.mllp.max-message-bytes}: AR with 104 (Value too long: "a value exceeded
 *   the normative length, or the length that the application is able to safely handle");</li>
 *   <li>a message whose sending facility no allowed-senders entry for its host names: AR with 103 (Table value not
 *   found) at MSH-4, whose namespace id is a value of the receiver's table 0362 (Facility), which the allowed-senders
 *   list is for this listener.</li>
 * </ul>
 * AR, not AE 207: 207 tells a sender the receiver failed and to send again, while these answers stand however often
 * the message is resent. Neither message is kept whole (a sender retrying a 28 MB message must not fill the database,
 * and content from a sender nobody allowed has no business here): a short record of host, control id, facility and
 * size goes to the dead letters of feed {@value #FEED}, which has no intake, so it is listed and never replayed.
 * The connection stays open: the frame was read to its end, and a host may send for its other facilities on it.
 */
final class ListenerRefusals implements Processor {
  static final String FEED = "adt-refused";
  /** Set (true) on an exchange answered here; the intake is skipped. */
  static final String REFUSED = "CasemgmtAdtRefused";
  /** The MSH segment is looked for in this much of the message, however large the message is. */
  private static final int HEADER_SCAN = 64 * 1024;
  private static final Logger log = LoggerFactory.getLogger(ListenerRefusals.class);

  private final AllowedSenders allowedSenders;
  private final long maxMessageBytes;
  private final DeadLetters deadLetters;

  ListenerRefusals(AllowedSenders allowedSenders, long maxMessageBytes, DeadLetters deadLetters) {
    this.allowedSenders = allowedSenders;
    this.maxMessageBytes = maxMessageBytes;
    this.deadLetters = deadLetters;
  }

  @Override
  public void process(Exchange exchange) {
    byte[] message = exchange.getMessage().getBody(byte[].class);
    int size = message == null ? 0 : message.length;
    String header = message == null ? "" : headerSegment(message);
    OriginalHeader original = OriginalHeader.of(header);
    List<String> facilityIds = Stream.of(original.firstComponent(4), original.secondComponent(4))
        .filter(id -> !id.isEmpty()).toList();
    String facility = capped(original.field(4));
    String remote = exchange.getMessage().getHeader(MllpConstants.MLLP_REMOTE_ADDRESS, "", String.class);
    Optional<InetAddress> host = hostOf(remote);

    AdtRejection refusal;
    String record;
    if (size > maxMessageBytes) {
      refusal = AdtRejection.reject(Hl7Error.VALUE_TOO_LONG, "", 0,
          "message exceeds " + maxMessageBytes + " bytes (it has " + size + ")");
      record = "AR 104: " + size + " bytes, more than adapter.mllp.max-message-bytes (" + maxMessageBytes + ")";
    } else if (!host.map(address -> allowedSenders.maySend(address, facilityIds)).orElse(allowedSenders.allowAll())) {
      String from = host.map(InetAddress::getHostAddress).orElse("an unknown address");
      refusal = AdtRejection.reject(Hl7Error.TABLE_VALUE_NOT_FOUND, "MSH", 4,
          "sending facility '" + facility + "' is not allowed from " + from);
      record = "AR 103: sending facility '" + facility + "' is not allowed from " + from
          + " (adapter.mllp.allowed-senders)";
    } else {
      return;
    }
    String controlId = capped(original.firstComponent(10));
    String reason = record + "; control id '" + controlId + "', " + size + " bytes; the message was not kept";
    log.warn("ADT message {} from {} refused: {}", controlId, remote, record);
    keep(exchange, reason);
    String ack = Acknowledgements.reject(header, refusal);
    exchange.getMessage().setBody(ack);
    exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT_STRING, ack);
    exchange.setProperty(REFUSED, true);
  }

  /**
   * The MSH segment, read from the start of the message only; empty when the message does not start with one, or its
   * first segment does not end within the part looked at.
   */
  static String headerSegment(byte[] message) {
    int scanned = Math.min(message.length, HEADER_SCAN);
    List<String> segments = Er7Text.segments(new String(message, 0, scanned, StandardCharsets.UTF_8));
    boolean cut = scanned < message.length && segments.size() < 2;
    return segments.isEmpty() || cut || !segments.get(0).startsWith("MSH") ? "" : segments.get(0);
  }

  /** A value of the sender's, as far as a log line or record needs it: an MSH segment may be 64 KiB long. */
  private static String capped(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "..." : value;
  }

  /** The host of camel-mllp's remote address header ({@code /10.20.1.5:51234}). */
  static Optional<InetAddress> hostOf(String remoteAddress) {
    String address = remoteAddress.substring(remoteAddress.lastIndexOf('/') + 1);
    int port = address.lastIndexOf(':');
    return AddressRange.literal(port < 0 ? address : address.substring(0, port));
  }

  private void keep(Exchange exchange, String reason) {
    String source = exchange.getMessage().getHeader(FeedHeaders.SOURCE, "unknown", String.class);
    try {
      long id = deadLetters.keep(FEED, source, "", reason);
      exchange.getMessage().setHeader(FeedHeaders.DEAD_LETTER_ID, id);
    } catch (RuntimeException storeDown) {
      log.error("The record of a refused ADT message from {} could not be kept ({})", source, reason, storeDown);
    }
  }
}
