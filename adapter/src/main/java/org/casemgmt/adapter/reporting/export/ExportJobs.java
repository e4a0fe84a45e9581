package org.casemgmt.adapter.reporting.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casemgmt.adapter.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export jobs table: kick-off, the owner's polls and deletes, and the nodes' claims and reports. Each change is a
 * short transaction of its own (a running export reports from inside its long read), and a claim or a report is a
 * conditional update, so two nodes never run one export and a deleted export stops at its next report.
 */
@Component
class ExportJobs {
  @PersistenceContext
  private EntityManager entityManager;
  private final TransactionTemplate ownTransaction;
  private final ObjectMapper json;
  private final Clock clock;

  ExportJobs(PlatformTransactionManager transactionManager, ObjectMapper json, Clock clock) {
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.json = json;
    this.clock = clock;
  }

  /** Queues an export; its id names it in the status URL. */
  String submit(Caller caller, ExportRequest request, String requestUrl) {
    ExportJob job = new ExportJob(UUID.randomUUID().toString(), write(caller), write(request), requestUrl,
        clock.instant());
    ownTransaction.executeWithoutResult(status -> entityManager.persist(job));
    return job.id();
  }

  /** The export, if it exists and this caller started it: no one learns of another caller's exports. */
  Optional<ExportJob> find(String id, Caller caller) {
    return Optional.ofNullable(ownTransaction.execute(status -> entityManager.find(ExportJob.class, id)))
        .filter(job -> sameCaller(owner(job), caller));
  }

  /** Forgets an export; a node running it stops at its next report. */
  void delete(String id) {
    ownTransaction.executeWithoutResult(status -> entityManager.createQuery(
        "delete from ExportJob j where j.id = :id").setParameter("id", id).executeUpdate());
  }

  /** Claims the oldest queued export, or a running one whose node went silent; empty when there is none. */
  Optional<ExportJob> claim(String node, java.time.Duration staleAfter) {
    Instant now = clock.instant();
    List<String> candidates = ownTransaction.execute(status -> entityManager.createQuery(
            "select j.id from ExportJob j where j.status = 'QUEUED' or (j.status = 'RUNNING' and j.heartbeatAt < :stale)"
                + " order by j.transactionTime", String.class)
        .setParameter("stale", now.minus(staleAfter)).setMaxResults(5).getResultList());
    for (String id : candidates == null ? List.<String>of() : candidates) {
      Integer claimed = ownTransaction.execute(status -> entityManager.createQuery(
              "update ExportJob j set j.status = 'RUNNING', j.node = :node, j.heartbeatAt = :now, j.progress = null"
                  + " where j.id = :id and (j.status = 'QUEUED' or (j.status = 'RUNNING' and j.heartbeatAt < :stale))")
          .setParameter("node", node).setParameter("now", now).setParameter("id", id)
          .setParameter("stale", now.minus(staleAfter)).executeUpdate());
      if (claimed != null && claimed == 1) {
        return Optional.ofNullable(ownTransaction.execute(status -> entityManager.find(ExportJob.class, id)));
      }
    }
    return Optional.empty();
  }

  /** Reports progress; false when the export is no longer this node's to run (deleted, or taken over). */
  boolean report(String id, String node, String progress) {
    return running(id, node, "j.progress = :value", progress);
  }

  boolean complete(String id, String node, String files) {
    return running(id, node, "j.status = 'COMPLETE', j.files = :value, j.finishedAt = :now", files);
  }

  void fail(String id, String node, String error) {
    running(id, node, "j.status = 'FAILED', j.error = :value, j.finishedAt = :now",
        error.length() > 500 ? error.substring(0, 500) : error);
  }

  /** Puts an export this node stops running back in the queue, for this or another node to start again. */
  void requeue(String id, String node) {
    running(id, node, "j.status = 'QUEUED', j.node = null, j.progress = :value", null);
  }

  /** The exports finished before this instant (their files expire). */
  List<String> finishedBefore(Instant instant) {
    return ownTransaction.execute(status -> entityManager.createQuery(
            "select j.id from ExportJob j where j.finishedAt < :instant", String.class)
        .setParameter("instant", instant).getResultList());
  }

  /** The same application and user (no token at all only when security is off, as for the kick-off). */
  private static boolean sameCaller(Caller owner, Caller caller) {
    return owner == null || caller == null ? owner == caller
        : owner.clientId().equals(caller.clientId()) && owner.subject().equals(caller.subject());
  }

  Caller owner(ExportJob job) {
    return read(job.caller(), Caller.class);
  }

  ExportRequest request(ExportJob job) {
    return read(job.request(), ExportRequest.class);
  }

  private boolean running(String id, String node, String assignments, String value) {
    Integer updated = ownTransaction.execute(status -> entityManager.createQuery(
            "update ExportJob j set " + assignments + ", j.heartbeatAt = :now"
                + " where j.id = :id and j.node = :node and j.status = 'RUNNING'")
        .setParameter("value", value).setParameter("now", clock.instant()).setParameter("id", id)
        .setParameter("node", node).executeUpdate());
    return updated != null && updated == 1;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
