package org.casemgmt.adapter.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A database of its own on the local PostgreSQL server, created for a test run. Names carry their creation time, so
 * that databases left behind by runs that were killed are dropped by a later run rather than piling up.
 */
public final class PostgresTestDatabase {
  public static final String SERVER = System.getProperty("test.postgres.server", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = System.getProperty("test.postgres.user", "postgres");
  private static final String PREFIX = "casemgmt_test_";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private PostgresTestDatabase() {}

  /** Creates a fresh, empty database and returns its JDBC URL. */
  public static String create(String purpose) {
    LocalDateTime now = LocalDateTime.now();
    String name = PREFIX + now.format(STAMP) + "_" + purpose + "_" + ProcessHandle.current().pid();
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement statement = admin.createStatement()) {
      dropLeftovers(statement, now.minusHours(12));
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database on " + SERVER + " (is PostgreSQL running?)", e);
    }
    return SERVER + name;
  }

  /**
   * A database outage until closed: the server refuses new connections to the database and ends the open ones, as a
   * restart or a failover does.
   */
  public static AutoCloseable outage(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    admin("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    return () -> admin("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
  }

  private static void admin(String... statements) {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused " + String.join("; ", statements), e);
    }
  }

  private static void dropLeftovers(Statement statement, LocalDateTime olderThan) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(
        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        String stamp = name.substring(PREFIX.length(), PREFIX.length() + 14);
        if (LocalDateTime.parse(stamp, STAMP).isBefore(olderThan)) {
          stale.add(name);
        }
      }
    }
    for (String name : stale) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
