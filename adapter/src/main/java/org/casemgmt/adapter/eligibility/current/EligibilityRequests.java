package org.casemgmt.adapter.eligibility.current;

import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Determinations asked for by the care-coordination workflow (a completed eligibility screening): the client is
 * queued for evaluation under the named programs, besides those they already have, once the asking transaction
 * commits (a rolled-back screening asks for nothing). The result is recorded as any determination is, on the
 * client's record.
 */
public class EligibilityRequests {
  private final ReevaluationQueue queue;

  EligibilityRequests(ReevaluationQueue queue) {
    this.queue = queue;
  }

  /** @param programIds program definition ids (config/programs) */
  public void afterCommit(String patientId, Set<String> programIds) {
    Set<String> programs = Set.copyOf(programIds);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      queue.add(patientId, programs);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        queue.add(patientId, programs);
      }
    });
  }
}
