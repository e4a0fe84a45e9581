package org.casemgmt.routes.adt;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;
import org.casemgmt.routes.ClusterSingleton;
import org.casemgmt.routes.DeadLetters;
import org.casemgmt.routes.FeedHeaders;
import org.casemgmt.routes.adt.mllp.MllpListener;
import org.springframework.stereotype.Component;

/**
 * HL7 v2 ADT from hospitals: an MLLP listener and a file-drop inbox for batch files, both feeding one intake that
 * acknowledges each message after it is committed.
 */
@Component
class AdtRoutes extends RouteBuilder {
  private final AdtIntake intake;
  private final MllpListener listener;
  private final ListenerRefusals refusals;

  AdtRoutes(AdtParser parser, HospitalizationRecord record, DeadLetters deadLetters, MllpListener listener) {
    this.intake = new AdtIntake(parser, record, deadLetters);
    this.listener = listener;
    this.refusals = new ListenerRefusals(listener.allowedSenders(), listener.maxMessageBytes(), deadLetters);
  }

  @Override
  public void configure() {
    from(FeedHeaders.intakeEndpoint(AdtIntake.FEED)).routeId("adt-intake")
        .process(intake);

    // The listener's limits and TLS are in config/mllp.yml; the acknowledgement is ours, sent only once the message
    // is recorded or refused. Messages arrive as bytes: too large, or from a facility the host may not send for,
    // they are answered here and never decoded whole.
    from(listener.endpoint(getCamelContext()))
        .routeId("adt-mllp")
        .setHeader(FeedHeaders.SOURCE, simple("mllp ${header." + MllpConstants.MLLP_REMOTE_ADDRESS + "}"))
        .process(refusals)
        .filter(exchangeProperty(ListenerRefusals.REFUSED).isNull())
          .convertBodyTo(String.class, "UTF-8")
          .to(FeedHeaders.intakeEndpoint(AdtIntake.FEED))
        .end();

    from("file:{{adapter.adt.inbox:./data/inbox/adt}}?move=processed&moveFailed=error&readLock=changed"
        + "&charset=UTF-8&exclude=.*\\.report$")
        .routeId("adt-inbox").group(ClusterSingleton.group("adt-inbox"))
        .process(new AdtBatchFile())
        .split(body(), new AdtBatchFile.Report())
          .setHeader(FeedHeaders.SOURCE, simple("file ${header.CamelFileName} message ${exchangeProperty.CamelSplitIndex}"))
          .to(FeedHeaders.intakeEndpoint(AdtIntake.FEED))
        .end()
        .to("file:{{adapter.adt.inbox:./data/inbox/adt}}/processed?fileName=${header.CamelFileName}.report");
  }
}
