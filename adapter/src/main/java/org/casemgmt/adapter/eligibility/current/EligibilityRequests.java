package org.casemgmt.adapter.eligibility.current;

import java.util.List;
import java.util.Set;

/**
 * Determinations asked for by the care-coordination workflow (a completed eligibility screening): the client is
 * queued for evaluation under the named programs, besides those they already have, in the asking transaction (a
 * rolled-back screening asks for nothing). The result is recorded as any determination is, on the client's record.
 */
public class EligibilityRequests {
  private final ReevaluationQueue queue;

  EligibilityRequests(ReevaluationQueue queue) {
    this.queue = queue;
  }

  /** @param programIds program definition ids (config/programs) */
  public void ask(String patientId, Set<String> programIds) {
    queue.add(List.of(patientId), Set.copyOf(programIds));
  }
}
