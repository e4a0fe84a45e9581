package org.casemgmt.adapter.eligibility.current;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.LinkedHashSet;
import java.util.Set;
import org.casemgmt.adapter.storage.WritePipeline;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notices evidence written through HAPI's storage (the ADT and claims feeds, the FHIR API, merges) and queues its
 * clients for re-evaluation in the same transaction, just before it commits: a committed write always leaves its
 * clients queued, a rolled-back one queues nothing. One transaction queues each client once, however many of their
 * resources it writes, and none it created: a client new in this transaction has no determination to keep current
 * (one is made when asked for: a screening, a population run).
 */
@Interceptor
class EvidenceCommits implements WritePipeline.Step {
  private final ReevaluationQueue queue;

  EvidenceCommits(ReevaluationQueue queue) {
    this.queue = queue;
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = WritePipeline.REEVALUATION)
  void created(IBaseResource resource) {
    noted(resource, resource instanceof Patient);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = WritePipeline.REEVALUATION)
  void updated(IBaseResource previous, IBaseResource resource) {
    noted(resource, false);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, order = WritePipeline.REEVALUATION)
  void deleted(IBaseResource resource) {
    noted(resource, false);
  }

  private void noted(IBaseResource resource, boolean newClient) {
    EvidenceSubjects.clientOf(resource).ifPresent(client -> {
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        if (!newClient) {
          queue.add(client);
        }
        return;
      }
      Written written = written();
      written.clients.add(client);
      if (newClient) {
        written.created.add(client);
      }
    });
  }

  /** What this transaction wrote about, bound to it, queued just before it commits. */
  private Written written() {
    Written written = (Written) TransactionSynchronizationManager.getResource(this);
    if (written == null) {
      Written bound = new Written();
      TransactionSynchronizationManager.bindResource(this, bound);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          bound.clients.removeAll(bound.created);
          if (!bound.clients.isEmpty()) {
            queue.add(bound.clients, Set.of());
          }
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(EvidenceCommits.this);
        }
      });
      written = bound;
    }
    return written;
  }

  /** The clients one transaction wrote evidence about, and those it created. */
  private static final class Written {
    final Set<String> clients = new LinkedHashSet<>();
    final Set<String> created = new LinkedHashSet<>();
  }
}
