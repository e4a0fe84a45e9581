package org.casemgmt.adapter.claims;

import java.util.List;

/**
 * How rows get into a staging table, inside the caller's transaction. JDBC batches work on every database; PostgreSQL's
 * COPY streams the rows in one round trip per table and chunk. {@code bench/claims.sh} measures both.
 */
interface StagingMethod {

  void insert(StagingTable table, List<Object[]> rows);

  /** The methods {@code adapter.claims.staging} may name. */
  enum Kind {
    /** COPY on PostgreSQL, JDBC batches elsewhere. */
    AUTO,
    COPY,
    JDBC_BATCH
  }
}
