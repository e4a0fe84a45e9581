package org.casemgmt.adapter.cluster;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code /actuator/health} component {@code cluster}: this node's name and the leases it holds, so that an
 * operator sees which node runs which inbox, poll and schedule.
 */
@Component
class ClusterHealthIndicator implements HealthIndicator {
  private final ClusterLeases leases;

  ClusterHealthIndicator(ClusterLeases leases) {
    this.leases = leases;
  }

  @Override
  public Health health() {
    return Health.up().withDetail("node", leases.node()).withDetail("holds", leases.holding()).build();
  }
}
