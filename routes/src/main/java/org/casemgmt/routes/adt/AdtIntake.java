package org.casemgmt.routes.adt;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpConstants;
import org.casemgmt.routes.DeadLetters;
import org.casemgmt.routes.FeedHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ADT message in, one acknowledgement out: parse, record (committed before AA is sent), and keep whatever fails as
 * a dead letter with its reason. It never throws, so a listener keeps serving through bad input and storage outages.
 */
class AdtIntake implements Processor {
  static final String FEED = "adt";
  private static final Logger log = LoggerFactory.getLogger(AdtIntake.class);

  private final AdtParser parser;
  private final HospitalizationRecord record;
  private final DeadLetters deadLetters;

  AdtIntake(AdtParser parser, HospitalizationRecord record, DeadLetters deadLetters) {
    this.parser = parser;
    this.record = record;
    this.deadLetters = deadLetters;
  }

  @Override
  public void process(Exchange exchange) {
    String raw = exchange.getMessage().getBody(String.class);
    String source = exchange.getMessage().getHeader(FeedHeaders.SOURCE, "unknown", String.class);
    String ack;
    AdtMessage message = null;
    try {
      message = parser.parse(raw);
      HospitalizationRecord.Outcome outcome = record.record(message);
      log.info("ADT {} {} from {}: {}", message.event(), message.header().controlId(),
          message.header().sendingFacility(), outcome);
      ack = Acknowledgements.accept(message);
    } catch (AdtRejection rejection) {
      ack = Acknowledgements.reject(raw, rejection);
      keep(exchange, source, raw, rejection.explanation());
    } catch (RuntimeException failure) {
      // Nothing was written. A store that fails (an outage: the only failure the recorder lets through) gets AE
      // 207, and the sender retries; the dead letter is kept if the store is up. A parser failure is our defect: a
      // resend would fail the same way, so AR 207 stops the resending, and the message is kept to be replayed
      // once the defect is fixed.
      String reason = (message == null ? "could not be parsed: " : "storage failed: ") + failure;
      // Exception messages can quote values (a match URL with a visit number): the log names the failure's type
      // and where it arose, the dead letter keeps the whole reason.
      log.error("ADT message from {} could not be processed: {} at {}", source, failure.getClass().getName(),
          failure.getStackTrace().length == 0 ? "?" : failure.getStackTrace()[0]);
      ack = message == null
          ? Acknowledgements.reject(raw, AdtRejection.internal("The message could not be processed: the receiver"
              + " keeps it and will process it once its fault is fixed; do not resend"))
          : Acknowledgements.error(message, "The message could not be stored; send it again later");
      keep(exchange, source, raw, reason);
    }
    exchange.getMessage().setBody(ack);
    exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT_STRING, ack);
  }

  private void keep(Exchange exchange, String source, String raw, String reason) {
    try {
      long id = deadLetters.keep(FEED, source, raw == null ? "" : raw, reason);
      exchange.getMessage().setHeader(FeedHeaders.DEAD_LETTER_ID, id);
    } catch (RuntimeException storeDown) {
      // The NAK makes the sender keep the message; nothing is lost, but say so loudly.
      log.error("Dead letter from {} could not be kept ({}); the sender holds it after our NAK", source, reason,
          storeDown);
    }
  }
}
