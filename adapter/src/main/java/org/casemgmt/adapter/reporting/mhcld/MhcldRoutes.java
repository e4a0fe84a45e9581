package org.casemgmt.adapter.reporting.mhcld;

import org.apache.camel.builder.RouteBuilder;
import org.casemgmt.adapter.security.AccessGrant;
import org.springframework.stereotype.Component;

/**
 * MH-CLD submissions as routes: {@code direct:mhcld-submission} makes one (asked for by the schedule or the
 * {@code $mhcld-submit} operation) and hands its file and report to {@code direct:mhcld-outbox}, which writes them
 * to the configured outbox endpoint (a folder, or SFTP).
 */
@Component
class MhcldRoutes extends RouteBuilder {
  static final String SUBMISSION = "direct:mhcld-submission";
  private final MhcldSubmissions submissions;

  MhcldRoutes(MhcldSubmissions submissions) {
    this.submissions = submissions;
  }

  /**
   * A submission asked for.
   *
   * @param grant the recipient's
   * @param scheduledDay the day the schedule fired; null when asked for on demand
   */
  record Request(MhcldFile file, ReportingPeriod period, AccessGrant grant, java.time.LocalDate scheduledDay) {}

  @Override
  public void configure() {
    from(SUBMISSION).routeId("mhcld-submission")
        .process(exchange -> {
          Request request = exchange.getMessage().getBody(Request.class);
          exchange.getMessage().setBody(submissions.submit(request.file(), request.period(), request.grant(),
              request.scheduledDay()));
        });
    from(MhcldSubmissions.OUTBOX).routeId("mhcld-outbox")
        .to("{{adapter.mhcld.outbox-uri}}");
  }
}
