package org.casemgmt.adapter.eligibility.current;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notices evidence written through HAPI's storage (the ADT and claims feeds, the FHIR API, merges) and hands its
 * clients to the re-evaluation queue once the transaction has committed: never before, since the evaluation must see
 * the new record and a rolled-back write is no evidence. One transaction names each client once, however many of
 * their resources it writes.
 */
@Interceptor
class EvidenceCommits {
  private final ReevaluationQueue queue;

  EvidenceCommits(ReevaluationQueue queue) {
    this.queue = queue;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  void created(IBaseResource resource) {
    noted(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  void updated(IBaseResource previous, IBaseResource resource) {
    noted(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  void deleted(IBaseResource resource) {
    noted(resource);
  }

  private void noted(IBaseResource resource) {
    EvidenceSubjects.clientOf(resource).ifPresent(this::afterCommit);
  }

  @SuppressWarnings("unchecked")
  private void afterCommit(String patientId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      queue.add(patientId);
      return;
    }
    Set<String> clients = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (clients == null) {
      Set<String> committed = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(this, committed);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          committed.forEach(queue::add);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(EvidenceCommits.this);
        }
      });
      clients = committed;
    }
    clients.add(patientId);
  }
}
