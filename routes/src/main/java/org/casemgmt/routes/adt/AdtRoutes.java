package org.casemgmt.routes.adt;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;
import org.casemgmt.routes.DeadLetters;
import org.casemgmt.routes.FeedHeaders;
import org.springframework.stereotype.Component;

/**
 * HL7 v2 ADT from hospitals: an MLLP listener and a file-drop inbox for batch files, both feeding one intake that
 * acknowledges each message after it is committed.
 */
@Component
class AdtRoutes extends RouteBuilder {
  private final AdtIntake intake;

  AdtRoutes(AdtParser parser, HospitalizationRecord record, DeadLetters deadLetters) {
    this.intake = new AdtIntake(parser, record, deadLetters);
  }

  @Override
  public void configure() {
    from(FeedHeaders.intakeEndpoint(AdtIntake.FEED)).routeId("adt-intake")
        .process(intake);

    // autoAck=false: the acknowledgement is ours, sent only once the message is recorded (or refused).
    from("mllp:{{adapter.mllp.host:0.0.0.0}}:{{adapter.mllp.port:2575}}"
        + "?autoAck=false&hl7Headers=false&requireEndOfData=false&stringPayload=true&charsetName=UTF-8")
        .routeId("adt-mllp")
        .setHeader(FeedHeaders.SOURCE, simple("mllp ${header." + MllpConstants.MLLP_REMOTE_ADDRESS + "}"))
        .to(FeedHeaders.intakeEndpoint(AdtIntake.FEED));

    from("file:{{adapter.adt.inbox:./data/inbox/adt}}?move=processed&moveFailed=error&readLock=changed"
        + "&charset=UTF-8&exclude=.*\\.report$")
        .routeId("adt-inbox")
        .process(new AdtBatchFile())
        .split(body(), new AdtBatchFile.Report())
          .setHeader(FeedHeaders.SOURCE, simple("file ${header.CamelFileName} message ${exchangeProperty.CamelSplitIndex}"))
          .to(FeedHeaders.intakeEndpoint(AdtIntake.FEED))
        .end()
        .to("file:{{adapter.adt.inbox:./data/inbox/adt}}/processed?fileName=${header.CamelFileName}.report");
  }
}
