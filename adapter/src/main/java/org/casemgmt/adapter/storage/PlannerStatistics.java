package org.casemgmt.adapter.storage;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when PostgreSQL will not keep the planner's statistics of the store's tables. Only autovacuum
 * ANALYZEs them; without it the planner goes on estimating every table as it first found it, and the identifier
 * searches every feed makes (matching clients, finding the stored resource a message updates) scan whole index tables
 * instead of using their indexes, so a feed slows down as the store fills. The service still starts: the warning
 * tells the operator what to change.
 */
@Component
class PlannerStatistics {
  private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

  private final JdbcTemplate jdbc;
  private final DatabaseKind database;

  PlannerStatistics(JdbcTemplate jdbc, DataSourceProperties database) {
    this.jdbc = jdbc;
    this.database = DatabaseKind.fromJdbcUrl(database.getUrl());
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfNotKept() {
    if (database != DatabaseKind.POSTGRESQL) {
      return;
    }
    try {
      unkept().forEach(reason -> log.warn("The database's planner statistics will not be kept current: {}; searches"
          + " by identifier will scan whole tables as the store grows. Turn autovacuum on (PostgreSQL's default).",
          reason));
    } catch (DataAccessException unreadable) {
      // Advice, not a condition of running: a role that cannot read the settings starts the service all the same.
      log.warn("Could not read the database's autovacuum settings: {}", unreadable.getClass().getSimpleName());
    }
  }

  /** Why PostgreSQL will not ANALYZE the store's tables by itself, if it will not. */
  List<String> unkept() {
    List<String> reasons = new ArrayList<>();
    for (String setting : List.of("autovacuum", "track_counts")) {
      if (!"on".equals(jdbc.queryForObject("SHOW " + setting, String.class))) {
        reasons.add("the server's setting " + setting + " is off");
      }
    }
    List<String> tables = jdbc.queryForList("""
        SELECT c.relname FROM pg_class c
        WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
          AND EXISTS (SELECT 1 FROM unnest(c.reloptions) o WHERE o ~* '^autovacuum_enabled=(false|off|no|0)$')
        ORDER BY c.relname""", String.class);
    if (!tables.isEmpty()) {
      reasons.add("autovacuum is off for the tables " + String.join(", ", tables));
    }
    return reasons;
  }
}
