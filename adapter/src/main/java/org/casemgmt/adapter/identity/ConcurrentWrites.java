package org.casemgmt.adapter.identity;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Writers to one client at the same time (two feeds creating the same person, a feed and a merge) collide on resource
 * versions or identifier claims; the one that loses runs again, on the record as the winner left it.
 */
public final class ConcurrentWrites {
  private static final int ATTEMPTS = 4;

  private ConcurrentWrites() {
  }

  /** Runs the write (a whole transaction) again after a collision, up to four times in all. */
  public static <T> T retried(Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (RuntimeException failure) {
        if (!collided(failure) || attempt == ATTEMPTS) {
          throw failure;
        }
      }
    }
  }

  /** Whether the write failed because another writer changed or claimed the same thing first. */
  public static boolean collided(RuntimeException failure) {
    return failure instanceof ResourceVersionConflictException || failure instanceof DataIntegrityViolationException
        || failure instanceof ConstraintViolationException;
  }
}
