package org.casemgmt.adapter.adt;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import org.casemgmt.adapter.identity.ConcurrentWrites;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Which failures a resend can fix: the storage layer failing (the database unreachable, restarted or overloaded, a
 * connection cut mid-transaction, a timeout, a commit or rollback that could not complete) or a write conflict that
 * outlasted our retries. Only these earn the sender AE 207 ("try again"). A database error that the same message
 * would meet again (a value the column cannot hold, a broken constraint, a statement the database refuses) and any
 * failure outside storage are defects of ours, not the sender's to retry.
 */
final class TransientFailures {
  /** SQLSTATE classes that fail the same way every time: 22 data exception, 23 integrity, 42 syntax or access. */
  private static final Set<String> DETERMINISTIC_SQL_STATES = Set.of("22", "23", "42");
  /** A unique key two writers raced for (an identifier claim): contention, which passes. */
  private static final String UNIQUE_VIOLATION = "23505";

  private TransientFailures() {
  }

  static boolean isTransient(RuntimeException failure) {
    boolean storage = ConcurrentWrites.collided(failure);
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
      if (UNIQUE_VIOLATION.equals(state)) {
        return true; // writers kept colliding through every retry: a resend later finds the way clear
      }
      if (state != null && state.length() >= 2 && DETERMINISTIC_SQL_STATES.contains(state.substring(0, 2))) {
        return false;
      }
      storage |= cause instanceof DataAccessException || cause instanceof TransactionException
          || cause instanceof PersistenceException || cause instanceof org.hibernate.HibernateException
          || cause instanceof SQLException || cause instanceof IOException;
    }
    return storage;
  }
}
