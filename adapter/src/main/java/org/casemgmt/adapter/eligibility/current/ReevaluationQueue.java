package org.casemgmt.adapter.eligibility.current;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clients waiting to be re-evaluated, kept in the database ({@code CM_REEVALUATION}) and worked through a batch at a
 * time on threads of their own ({@code workers}, one by default), so a feed's writer never waits for an evaluation and
 * two cores are not swamped by them; a batch's records are read and its determinations written together, as a
 * population run's chunk is. The workers of a node take batches from the table as every node's do.
 * A client is queued in the transaction that wrote the evidence, so nothing is lost between a commit and the queue,
 * nor on a restart; every node's worker takes clients from the same table (a lease per batch: one node evaluates a
 * client at a time, and a node that stops mid-evaluation leaves the client to another once the lease runs out). A
 * client named while being evaluated is evaluated again, since the evaluation may have read the record before that
 * evidence committed. A client may also be queued with programs they have no determination for yet (a completed
 * screening asks for one): those are evaluated too, merged with any asked for while waiting.
 */
class ReevaluationQueue implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ReevaluationQueue.class);

  private final EntityManager entityManager;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Duration poll;
  private final Duration lease;
  private final int batch;
  private final int workers;
  private final Consumer<Map<String, Set<String>>> reevaluation;
  private final Object lock = new Object();
  private final List<Thread> threads = new ArrayList<>();
  private boolean running;
  /** Workers evaluating a batch (or looking for one) now. */
  private int working;
  private boolean woken;
  private long done;

  /**
   * @param poll how often the worker looks for clients another node or an earlier run queued
   * @param lease how long a worker holds a batch of clients before another may take them
   * @param batch the most clients a worker takes at once
   * @param workers the threads taking batches on this node
   * @param reevaluation re-evaluates clients (Patient ids, each with the programs asked for) under the programs each
   *     has a determination for and the ones asked for; a failure is its own to log
   */
  ReevaluationQueue(EntityManager entityManager, PlatformTransactionManager transactions, Clock clock, Duration poll,
      Duration lease, int batch, int workers, Consumer<Map<String, Set<String>>> reevaluation) {
    this.entityManager = entityManager;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.poll = poll;
    this.lease = lease;
    this.batch = batch;
    this.workers = workers;
    this.reevaluation = reevaluation;
  }

  void add(String patientId) {
    add(List.of(patientId), Set.of());
  }

  /**
   * Queues the clients, with programs to evaluate them under even without a determination yet: in the caller's
   * transaction when there is one (queued if it commits, not if it rolls back), else in one of its own.
   */
  void add(Collection<String> patientIds, Set<String> programs) {
    String asked = programs.isEmpty() ? null : String.join(",", new TreeSet<>(programs));
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      patientIds.forEach(client -> entityManager.persist(new QueuedReevaluation(client, asked, clock.instant())));
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          wake();
        }
      });
    } else {
      ownTransaction.executeWithoutResult(status -> patientIds.forEach(client ->
          entityManager.persist(new QueuedReevaluation(client, asked, clock.instant()))));
      wake();
    }
  }

  /** Whether nothing is waiting or being evaluated. */
  boolean idle() {
    synchronized (lock) {
      if (working > 0) {
        return false;
      }
    }
    return waiting() == 0;
  }

  /** Clients re-evaluated on this node since start. */
  long done() {
    synchronized (lock) {
      return done;
    }
  }

  private long waiting() {
    return ownTransaction.execute(status -> entityManager.createQuery(
        "select count(q) from QueuedReevaluation q", Long.class).getSingleResult());
  }

  private void work() {
    while (running()) {
      synchronized (lock) {
        working++;
      }
      Claim claim = null;
      try {
        claim = claimNext();
        if (claim != null) {
          reevaluation.accept(claim.clients());
        }
      } catch (RuntimeException e) {
        // The class only: a message may quote the record.
        log.warn("Re-evaluation of {} client(s) failed: {}", claim == null ? 0 : claim.clients().size(),
            e.getClass().getName());
      } finally {
        release(claim);
      }
      if (claim == null) {
        awaitWork();
      }
    }
  }

  /**
   * The clients queued longest that no worker holds (at most a batch), with every row queued for them so far, leased
   * to this worker; null when there are none.
   */
  private Claim claimNext() {
    return ownTransaction.execute(status -> {
      while (true) {
        Instant now = Instant.now();
        List<String> next = entityManager.createQuery("select q.client from QueuedReevaluation q"
                + " where q.leasedUntil is null or q.leasedUntil < :now group by q.client order by min(q.id)",
                String.class)
            .setParameter("now", now).setMaxResults(batch).getResultList();
        if (next.isEmpty()) {
          return null;
        }
        String token = UUID.randomUUID().toString();
        entityManager.createQuery("update QueuedReevaluation q set q.leasedUntil = :until, q.lease = :token"
                + " where q.client in :clients and (q.leasedUntil is null or q.leasedUntil < :now)")
            .setParameter("until", now.plus(lease)).setParameter("token", token)
            .setParameter("clients", next).setParameter("now", now).executeUpdate();
        Map<String, Set<String>> clients = new LinkedHashMap<>();
        entityManager.createQuery("select q.client, q.programs from QueuedReevaluation q where q.lease = :token"
                + " order by q.id", Object[].class)
            .setParameter("token", token).getResultStream().forEach(row -> {
              Set<String> programs = clients.computeIfAbsent((String) row[0], client -> new TreeSet<>());
              if (row[1] != null) {
                programs.addAll(Arrays.asList(((String) row[1]).split(",")));
              }
            });
        if (!clients.isEmpty()) {
          return new Claim(token, clients);
        }
        // Another node leased these clients since they were read: look again.
      }
    });
  }

  /** Deletes the rows the claim took (rows queued for the client since stay, for another evaluation). */
  private void release(Claim claim) {
    try {
      if (claim != null) {
        ownTransaction.executeWithoutResult(status -> entityManager.createQuery(
            "delete from QueuedReevaluation q where q.lease = :token").setParameter("token", claim.lease())
            .executeUpdate());
      }
    } finally {
      synchronized (lock) {
        working--;
        if (claim != null) {
          done += claim.clients().size();
        }
        lock.notifyAll();
      }
    }
  }

  private void awaitWork() {
    synchronized (lock) {
      try {
        if (running && !woken) {
          lock.wait(poll.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      woken = false;
    }
  }

  private void wake() {
    synchronized (lock) {
      woken = true;
      lock.notifyAll();
    }
  }

  private boolean running() {
    synchronized (lock) {
      return running;
    }
  }

  @Override
  public void start() {
    long waiting = waiting();
    if (waiting > 0) {
      log.info("Re-evaluation: {} queued entries from before this start", waiting);
    }
    synchronized (lock) {
      running = true;
      for (int worker = 1; worker <= workers; worker++) {
        Thread thread = new Thread(this::work, "eligibility-reevaluation" + (workers == 1 ? "" : "-" + worker));
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
      }
    }
  }

  /** Stops after the evaluation under way; clients still queued wait in the table for the next start or node. */
  @Override
  public void stop() {
    List<Thread> stopping;
    synchronized (lock) {
      running = false;
      lock.notifyAll();
      stopping = List.copyOf(threads);
      threads.clear();
    }
    try {
      for (Thread thread : stopping) {
        thread.join(30_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running();
  }

  /** The lease's token and the clients taken, each with the programs asked for. */
  private record Claim(String lease, Map<String, Set<String>> clients) {}
}
