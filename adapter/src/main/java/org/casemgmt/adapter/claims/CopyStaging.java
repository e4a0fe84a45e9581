package org.casemgmt.adapter.claims;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's COPY FROM STDIN in CSV form, on the connection of the caller's transaction (so a chunk's rows commit or
 * roll back with its bookkeeping). An empty unquoted field is NULL; every value is quoted, so an empty string stays one.
 */
final class CopyStaging implements StagingMethod {
  private final DataSource dataSource;

  CopyStaging(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void insert(StagingTable table, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder csv = new StringBuilder(rows.size() * 96);
    for (Object[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        if (column > 0) {
          csv.append(',');
        }
        if (row[column] != null) {
          csv.append('"').append(text(row[column]).replace("\"", "\"\"")).append('"');
        }
      }
      csv.append('\n');
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(table.copy(), new StringReader(csv.toString()));
    } catch (SQLException | IOException e) {
      throw new DataAccessResourceFailureException("COPY into " + table.name() + " failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** Dates print as ISO dates; numbers must not print as 1E+3, which COPY refuses. */
  private static String text(Object value) {
    return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
  }
}
