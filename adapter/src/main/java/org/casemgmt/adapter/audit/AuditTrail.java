package org.casemgmt.adapter.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.casemgmt.adapter.cluster.ClusterLeases;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: each access is committed to the outbox ({@code CM_AUDIT_OUTBOX}) before the answer it records is
 * sent, and drained into AuditEvent resources a batch per transaction. The outbox keeps the access as it was
 * ({@link AccessRecord}), one row however many clients it concerns: building and encoding an AuditEvent per client
 * on the request thread cost a caseload search a tenth of its time. Readable through {@code /fhir/AuditEvent} by
 * roles and scopes that name it (see {@code config/security-roles.yml}).
 */
@Component
public class AuditTrail {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final int DRAIN_BATCH = 500;

  @PersistenceContext
  private EntityManager entityManager;
  private final TransactionTemplate ownTransaction;
  private final IFhirSystemDao<Bundle, ?> store;
  private final IParser json;
  private final ObjectMapper accesses;
  private final Clock clock;
  private final ClusterLeases cluster;

  AuditTrail(PlatformTransactionManager transactionManager, IFhirSystemDao<Bundle, ?> store, FhirContext context,
      ObjectMapper accesses, Clock clock, ClusterLeases cluster) {
    this.ownTransaction = new TransactionTemplate(transactionManager);
    // An access is audited whatever becomes of the work it did (a refused write rolls back; its audit stays).
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.store = store;
    this.json = context.newJsonParser();
    this.accesses = accesses;
    this.clock = clock;
    this.cluster = cluster;
  }

  /** Commits the access; the caller sends its answer only after this returns. */
  public void record(AccessRecord access, Instant at) {
    String row;
    try {
      row = accesses.writeValueAsString(access);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An access record cannot be written as JSON", e);
    }
    ownTransaction.executeWithoutResult(status -> entityManager.persist(new AuditOutboxEntry(at, row)));
  }

  /**
   * Moves the outbox into AuditEvent resources until it is empty; on one node of several (the outbox is theirs in
   * common), the one holding the lease.
   */
  @Scheduled(fixedDelayString = "${adapter.audit.drain-interval:PT1S}")
  public void drain() {
    if (!cluster.leads("audit-drain")) {
      return;
    }
    try {
      while (drainBatch() == DRAIN_BATCH) {
        // a full batch: there may be more
      }
    } catch (RuntimeException e) {
      // The rows stay in the outbox; the next drain tries again.
      log.error("Audit outbox could not be drained; events stay queued", e);
    }
  }

  @PreDestroy
  void drainBeforeShutdown() {
    drain();
  }

  private int drainBatch() {
    List<Long> ids = ownTransaction.execute(status -> entityManager.createQuery(
            "select e.id from AuditOutboxEntry e where e.failedAt is null order by e.id", Long.class)
        .setMaxResults(DRAIN_BATCH).getResultList());
    if (ids == null || ids.isEmpty()) {
      return 0;
    }
    try {
      ownTransaction.executeWithoutResult(status -> store(ids, false));
    } catch (RuntimeException batchRefused) {
      // One event names a resource that is gone or never was (a refused create, a read of a wrong id): store the
      // others as they are, and that one with its references kept as identifiers.
      for (Long id : ids) {
        try {
          ownTransaction.executeWithoutResult(status -> store(List.of(id), false));
        } catch (RuntimeException refused) {
          storeLogically(id);
        }
      }
    }
    return ids.size();
  }

  private void storeLogically(Long id) {
    try {
      ownTransaction.executeWithoutResult(status -> store(List.of(id), true));
    } catch (RuntimeException stillRefused) {
      log.error("Audit outbox entry {} cannot be stored as an AuditEvent; kept in CM_AUDIT_OUTBOX", id, stillRefused);
      ownTransaction.executeWithoutResult(status ->
          entityManager.find(AuditOutboxEntry.class, id).failed(clock.instant()));
    }
  }

  /** Stores the entries as AuditEvents and deletes them from the outbox, in the caller's transaction. */
  private void store(List<Long> ids, boolean logicalReferences) {
    Bundle batch = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Long id : ids) {
      AuditOutboxEntry entry = entityManager.find(AuditOutboxEntry.class, id);
      for (AuditEvent event : events(entry)) {
        if (logicalReferences) {
          AccessRecord.logical(event);
        }
        batch.addEntry().setResource(event).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("AuditEvent");
      }
      entityManager.remove(entry);
    }
    store.transactionNested(new SystemRequestDetails(), batch);
  }

  /** The entry's AuditEvents; an entry an earlier version wrote holds one AuditEvent. */
  private List<AuditEvent> events(AuditOutboxEntry entry) {
    try {
      JsonNode row = accesses.readTree(entry.access());
      return row.has("resourceType") ? List.of(json.parseResource(AuditEvent.class, entry.access()))
          : accesses.treeToValue(row, AccessRecord.class).events(entry.recordedAt());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Audit outbox entry " + entry.id() + " is not an access record", e);
    }
  }
}
