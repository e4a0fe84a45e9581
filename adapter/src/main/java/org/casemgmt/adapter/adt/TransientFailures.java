package org.casemgmt.adapter.adt;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Which failures a resend can fix: the database unreachable or overloaded, a timeout, a lock or serialization
 * conflict that outlasted our retries. Only these earn the sender AE 207 ("try again"); any other failure is a defect
 * of ours that a resend would meet again.
 */
final class TransientFailures {
  /** SQLSTATE classes: 08 connection, 40 transaction rollback, 53 insufficient resources, 57 operator intervention. */
  private static final Set<String> TRANSIENT_SQL_STATES = Set.of("08", "40", "53", "57");

  private TransientFailures() {
  }

  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ResourceVersionConflictException || cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException || cause instanceof TransactionTimedOutException
          || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
          || cause instanceof SocketTimeoutException || cause instanceof java.net.ConnectException
          || cause instanceof org.hibernate.exception.JDBCConnectionException
          || cause instanceof jakarta.persistence.LockTimeoutException
          || cause instanceof jakarta.persistence.QueryTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
          && TRANSIENT_SQL_STATES.contains(sql.getSQLState().substring(0, 2))) {
        return true;
      }
    }
    return false;
  }
}
