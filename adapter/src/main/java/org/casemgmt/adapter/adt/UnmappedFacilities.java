package org.casemgmt.adapter.adt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Sending facilities (MSH-4) the site tables (config/adt-mapping.yml) do not list. Their stays cannot be told
 * psychiatric by service or unit, only by diagnosis, so they are made visible: a warning the first time each is seen,
 * {@code /actuator/health} component {@code adtFacilities} listing them with their message counts (UP: a missing
 * table entry is not an outage), and the metrics {@code adapter.adt.unmapped.facilities} (how many) and
 * {@code adapter.adt.unmapped.facility.messages} (per facility). Facility ids only: no message content.
 */
@Component("adtFacilities")
class UnmappedFacilities implements HealthIndicator {
  private static final Logger log = LoggerFactory.getLogger(UnmappedFacilities.class);

  private final ConcurrentMap<String, AtomicLong> seen = new ConcurrentHashMap<>();
  private final MeterRegistry meters;

  UnmappedFacilities(MeterRegistry meters) {
    this.meters = meters;
    meters.gauge("adapter.adt.unmapped.facilities", seen, Map::size);
  }

  /** A message from a facility the tables do not list was recorded. */
  void seen(String facility) {
    seen.computeIfAbsent(facility, first -> {
      log.warn("ADT messages from sending facility {} which config/adt-mapping.yml does not list: its stays are"
          + " classified by principal diagnosis (adapter.adt.mapping.unknown-facilities); add it to the"
          + " facilities table", first);
      return new AtomicLong();
    }).incrementAndGet();
    Counter.builder("adapter.adt.unmapped.facility.messages").tag("facility", facility).register(meters).increment();
  }

  Map<String, Long> facilities() {
    Map<String, Long> counts = new TreeMap<>();
    seen.forEach((facility, count) -> counts.put(facility, count.get()));
    return counts;
  }

  @Override
  public Health health() {
    return Health.up().withDetail("unmappedFacilities", facilities()).build();
  }
}
