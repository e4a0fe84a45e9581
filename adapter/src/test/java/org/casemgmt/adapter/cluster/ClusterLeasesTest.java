package org.casemgmt.adapter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two nodes competing for leases on the test database, each a {@link ClusterLeases} of its own on one clock the test
 * moves (renewals are asked for by the test, not by a keeper thread); and the running service's singleton routes.
 */
class ClusterLeasesTest extends FhirServerTest {
  private static final Duration TTL = Duration.ofSeconds(15);

  @Autowired
  private EntityManager entityManager;
  @Autowired
  private PlatformTransactionManager transactions;
  @Autowired
  private CamelContext camel;

  private final MovingClock clock = new MovingClock();
  private final String lease = "test-" + UUID.randomUUID();

  @Test
  void aLeaseHasOneHolderAndPassesToAnotherNodeWhenItsHolderStops() {
    ClusterLeases first = node();
    ClusterLeases second = node();
    List<Boolean> told = new CopyOnWriteArrayList<>();

    assertThat(first.leads(lease)).isTrue();
    second.compete(lease, told::add);
    clock.move(Duration.ofSeconds(5));
    first.renewAll();
    second.renewAll();
    assertThat(first.leads(lease)).isTrue();
    assertThat(second.leads(lease)).isFalse();

    first.stop();
    assertThat(first.leads(lease)).as("a stopped node holds nothing").isFalse();
    assertThat(second.leads(lease)).as("until its next renewal").isFalse();
    second.renewAll();
    assertThat(second.leads(lease)).isTrue();
    assertThat(told).containsExactly(false, true);
    second.stop();
  }

  @Test
  void aNodeThatDiesLosesItsLeasesWhenTheyRunOutAndCountsAsGone() {
    ClusterLeases dying = node();
    ClusterLeases survivor = node();
    dying.join();
    assertThat(dying.leads(lease)).isTrue();
    assertThat(survivor.alive(dying.node())).isTrue();

    // No renewal from the dying node any more. Within the time to live the lease is still its own; a renewal before
    // that, the dying node itself stops counting on it.
    clock.move(TTL.minusSeconds(1));
    survivor.leads(lease);
    survivor.renewAll();
    assertThat(survivor.leads(lease)).isFalse();
    assertThat(dying.leads(lease)).isFalse();
    assertThat(survivor.alive(dying.node())).isTrue();

    clock.move(Duration.ofSeconds(2));
    survivor.renewAll();
    assertThat(survivor.leads(lease)).isTrue();
    assertThat(survivor.alive(dying.node())).isFalse();
    assertThat(survivor.alive(survivor.node())).isTrue();
    survivor.stop();
  }

  @Test
  void theServiceRunsItsSingletonRoutesUnderTheirLeaseAndTheOthersEverywhere() {
    for (String singleton : List.of("claims-inbox", "enrollment-inbox", "adt-inbox", "careplan-outbox-poll")) {
      assertThat(camel.getRoute(singleton).getRoutePolicyList()).as(singleton)
          .hasAtLeastOneElementOfType(ClusteredRoutePolicy.class);
      assertThat(camel.getRouteController().getRouteStatus(singleton)).as("this node leads " + singleton)
          .isEqualTo(ServiceStatus.Started);
    }
    assertThat(camel.getRoute("adt-mllp").getRoutePolicyList()).as("MLLP is served by every node")
        .noneMatch(ClusteredRoutePolicy.class::isInstance);
  }

  private ClusterLeases node() {
    return new ClusterLeases(entityManager, transactions, clock, TTL);
  }

  /** A clock that stands still until the test moves it. */
  private static final class MovingClock extends Clock {
    private volatile Instant now = Instant.now();

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
