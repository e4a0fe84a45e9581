package org.casemgmt.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.casemgmt.adapter.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** What makes the start-up warn that PostgreSQL will not keep the planner's statistics, read off a real server. */
class PlannerStatisticsTest {
  private static SingleConnectionDataSource connection;
  private static JdbcTemplate jdbc;
  private static PlannerStatistics statistics;

  @BeforeAll
  static void database() {
    String url = PostgresTestDatabase.create("planner_statistics");
    // One connection: a session setting made by the test is the one the check reads.
    connection = new SingleConnectionDataSource(url, PostgresTestDatabase.USER, "", true);
    jdbc = new JdbcTemplate(connection);
    DataSourceProperties properties = new DataSourceProperties();
    properties.setUrl(url);
    statistics = new PlannerStatistics(jdbc, properties);
  }

  @AfterAll
  static void close() {
    connection.destroy();
  }

  @Test
  void namesTheTablesAutovacuumSkips() {
    jdbc.execute("CREATE TABLE skipped_false (id int) WITH (autovacuum_enabled = false)");
    jdbc.execute("CREATE TABLE skipped_off (id int) WITH (autovacuum_enabled = off)");
    jdbc.execute("CREATE TABLE kept (id int) WITH (autovacuum_enabled = true, fillfactor = 90)");
    jdbc.execute("CREATE TABLE plain (id int)");
    try {
      assertThat(statistics.unkept()).contains("autovacuum is off for the tables skipped_false, skipped_off");
    } finally {
      jdbc.execute("DROP TABLE skipped_false, skipped_off, kept, plain");
    }
    assertThat(statistics.unkept()).noneMatch(reason -> reason.contains("tables"));
  }

  @Test
  void saysWhenTheServerCountsNoRowChanges() {
    // Without row counts autovacuum never learns a table changed; a superuser may turn them off per session.
    jdbc.execute("SET track_counts = off");
    try {
      assertThat(statistics.unkept()).contains("the server's setting track_counts is off");
    } finally {
      jdbc.execute("RESET track_counts");
    }
    assertThat(statistics.unkept()).doesNotContain("the server's setting track_counts is off");
  }

  @Test
  void followsTheServersAutovacuumSetting() {
    // The server's own setting cannot be changed by a test; CI machines run with it off, most servers with it on.
    boolean off = "off".equals(jdbc.queryForObject("SELECT setting FROM pg_settings WHERE name = 'autovacuum'",
        String.class));
    assertThat(statistics.unkept().contains("the server's setting autovacuum is off")).isEqualTo(off);
  }
}
