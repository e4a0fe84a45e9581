package org.casemgmt.adapter.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes starting at the same time on one database take turns. What a start does to the database is not safe twice at
 * once: creating or updating the schema (both nodes would create the same index, and one fails to start), writing the
 * SearchParameters and the guide's resources (they would be stored twice). On PostgreSQL a node takes a session
 * advisory lock on a connection of its own as soon as the datasource exists, before anything uses it, and lets it go
 * once it is ready (or when its start fails and the connection closes). The embedded H2 database has one node only.
 */
@Component
class StartupLock implements BeanPostProcessor {
  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
  /** The advisory lock's key: any number the adapter uses for nothing else ("CMSTART"). */
  private static final long KEY = 0x434d5354415254L;

  private Connection held;
  /** Taken once, for the first datasource: a datasource made after start-up must not take it again. */
  private boolean taken;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource) {
      take(dataSource);
    }
    return bean;
  }

  private synchronized void take(DataSource dataSource) {
    if (taken) {
      return;
    }
    taken = true;
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      if (!lock(connection, "select pg_try_advisory_lock(?)")) {
        log.info("Start-up: another node is starting on this database; waiting for it to be ready");
        long waiting = System.nanoTime();
        lock(connection, "select pg_advisory_lock(?) is not null");
        log.info("Start-up: the other node is ready; this one starts after {} ms of waiting",
            (System.nanoTime() - waiting) / 1_000_000);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("The start-up lock cannot be taken on the database", e);
    }
  }

  private static boolean lock(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  @EventListener({ApplicationReadyEvent.class, ContextClosedEvent.class})
  synchronized void release() {
    if (held == null) {
      return;
    }
    // Unlocked first: closing hands the connection back to the pool, whose session would keep the lock.
    try (Connection connection = held;
        PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    } catch (SQLException e) {
      log.warn("Start-up lock could not be released ({}); it ends with its connection", e.getClass().getSimpleName());
    }
    held = null;
  }
}
