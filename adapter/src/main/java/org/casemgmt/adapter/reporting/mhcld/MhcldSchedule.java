package org.casemgmt.adapter.reporting.mhcld;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.camel.ProducerTemplate;
import org.casemgmt.adapter.cluster.ClusterLeases;
import org.casemgmt.adapter.security.Caller;
import org.casemgmt.adapter.security.Roles;
import org.casemgmt.adapter.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Submits each file of the last ended reporting period when its cron says, for the configured recipient: as if that
 * security client had asked (its scopes, role and the Part 2 consents naming its organization decide what is used).
 * Every node fires; the first serves the day, the others find it served.
 */
@Component
class MhcldSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(MhcldSchedule.class);
  private final MhcldProperties properties;
  private final SecurityProperties security;
  private final Roles roles;
  private final ProducerTemplate producer;
  private final Clock clock;
  private final ClusterLeases cluster;

  MhcldSchedule(MhcldProperties properties, SecurityProperties security, Roles roles, ProducerTemplate producer,
      Clock clock, ClusterLeases cluster) {
    this.properties = properties;
    this.security = security;
    this.roles = roles;
    this.producer = producer;
    this.clock = clock;
    this.cluster = cluster;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (properties.recipient().isBlank()) {
      log.info("MH-CLD: no scheduled submissions (adapter.mhcld.recipient is blank); on demand by $mhcld-submit");
      return;
    }
    SecurityProperties.Client recipient = security.clients().stream()
        .filter(client -> client.id().equals(properties.recipient())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("adapter.mhcld.recipient " + properties.recipient()
            + " is not one of adapter.security.clients"));
    Caller caller = new Caller(recipient.id(), recipient.id(), recipient.role(), null, recipient.organization(),
        recipient.purposeOfUse(), recipient.scopes(), null);
    for (MhcldFile file : MhcldFile.values()) {
      String cron = properties.schedule().getOrDefault(file.key(), "-");
      if (!"-".equals(cron)) {
        registrar.addCronTask(() -> submit(file, caller), cron);
        log.info("MH-CLD: {} submitted to {} at cron '{}'", file, recipient.id(), cron);
      }
    }
  }

  /** On one node: every node's schedule fires, the node holding the lease submits. */
  private void submit(MhcldFile file, Caller caller) {
    if (!cluster.leads("mhcld-schedule")) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    try {
      producer.requestBody(MhcldRoutes.SUBMISSION, new MhcldRoutes.Request(file,
          ReportingPeriod.lastEndedBefore(today, properties.periodStartMonth()), roles.grantOf(caller), today));
    } catch (RuntimeException e) {
      // The next firing, or a submission asked for, tries again; nothing of this one was kept.
      log.error("MH-CLD {} submission failed; nothing was recorded as submitted", file, e);
    }
  }
}
