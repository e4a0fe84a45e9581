package org.casemgmt.adapter.ehr;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casemgmt.routes.ehr.EhrSourceStatus;
import org.casemgmt.routes.ehr.EhrSourceStatuses;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code ehr}, present when sources are configured: one indicator per source,
 * UNKNOWN until its first poll ends, then UP, or DOWN while its last poll failed (a permanent refusal, retries used
 * up, or recording failed), with when it last succeeded, its last error, its watermarks and its counts. Liveness and
 * readiness do not include it: an EHR that is down is not a reason to restart or unroute this service.
 */
@Component
class EhrHealth {
  private final EhrSourceStatuses statuses;
  private final EhrWatermarks watermarks;

  EhrHealth(EhrSourceStatuses statuses, EhrWatermarks watermarks, HealthContributorRegistry registry) {
    this.statuses = statuses;
    this.watermarks = watermarks;
    if (statuses.isEmpty()) {
      return;
    }
    Map<String, HealthIndicator> sources = new LinkedHashMap<>();
    statuses.snapshots().forEach(source -> sources.put(source.id(), () -> health(source.id())));
    registry.registerContributor("ehr", CompositeHealthContributor.fromMap(sources));
  }

  private Health health(String sourceId) {
    EhrSourceStatus.Snapshot source = statuses.snapshots().stream()
        .filter(snapshot -> snapshot.id().equals(sourceId)).findFirst().orElseThrow();
    Health.Builder health = switch (source.state()) {
      case UNKNOWN -> Health.status(Status.UNKNOWN);
      case UP -> Health.up();
      case DOWN -> Health.down();
    };
    health.withDetail("baseUrl", source.baseUrl());
    detail(health, "lastPollStarted", source.lastPollStarted());
    detail(health, "lastSuccess", source.lastSuccess());
    detail(health, "lastErrorAt", source.lastErrorAt());
    if (source.lastError() != null) {
      health.withDetail("lastError", source.lastError());
    }
    health.withDetail("watermarks", watermarks.of(sourceId));
    health.withDetail("recorded", source.recorded());
    health.withDetail("unchanged", source.unchanged());
    health.withDetail("deadLetters", source.refused());
    health.withDetail("retries", source.retries());
    return health.build();
  }

  private static void detail(Health.Builder health, String name, Instant at) {
    if (at != null) {
      health.withDetail(name, at.toString());
    }
  }
}
