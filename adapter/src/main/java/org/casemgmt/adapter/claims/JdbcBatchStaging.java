package org.casemgmt.adapter.claims;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Parameterised INSERTs sent in JDBC batches: portable, and the only way on H2. */
final class JdbcBatchStaging implements StagingMethod {
  private final JdbcTemplate jdbc;

  JdbcBatchStaging(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(StagingTable table, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(table.insert(), rows);
    }
  }
}
