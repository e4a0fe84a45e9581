package org.casemgmt.adapter.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node among the adapter's nodes on one database. Work that only one node may do at a time (a feed's inbox, a
 * poll, a schedule) is named by a lease in CM_CLUSTER_LEASE: the node holding it does the work and renews it every
 * third of its time to live. A node that stops deletes its leases, so another takes them at its next renewal; one that
 * dies leaves them to run out. Every node also holds a lease named after itself, which tells the others it is alive.
 * Expiry is read on the nodes' clocks, assumed to agree to well within the time to live; a node that cannot renew
 * stops counting itself the holder a renewal before the others may take the lease.
 */
@Component
public class ClusterLeases {
  private static final Logger log = LoggerFactory.getLogger(ClusterLeases.class);
  private static final String NODE = "node:";

  private final EntityManager entityManager;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Duration ttl;
  private final Duration renewal;
  private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
      + UUID.randomUUID().toString().substring(0, 8);
  /** The leases this node competes for, each with until when it counts itself their holder. */
  private final Map<String, Instant> held = new ConcurrentHashMap<>();
  /** What the listeners of each lease were last told. */
  private final Map<String, Boolean> told = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<Boolean>>> listeners = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService keeper;
  /** Once the node stops it holds nothing, so that no lease is taken again on the way out. */
  private volatile boolean stopped;

  ClusterLeases(EntityManager entityManager, PlatformTransactionManager transactions, Clock clock,
      @Value("${adapter.cluster.lease-ttl:PT15S}") Duration ttl) {
    this.entityManager = entityManager;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.ttl = ttl;
    this.renewal = ttl.dividedBy(3);
  }

  /** This node's name: its process and a random part, new at every start. */
  public String node() {
    return node;
  }

  /** Whether this node holds the lease now; the first question about a lease makes this node compete for it. */
  public boolean leads(String lease) {
    if (stopped) {
      return false;
    }
    if (held.putIfAbsent(lease, Instant.EPOCH) == null) {
      renew(lease);
    }
    return held.getOrDefault(lease, Instant.EPOCH).isAfter(clock.instant());
  }

  /**
   * Competes for the lease and tells the listener whether this node holds it: now (a lease new to this node tells its
   * listeners once it is first tried), then at every change.
   */
  public void compete(String lease, Consumer<Boolean> listener) {
    boolean known = held.containsKey(lease);
    listeners.computeIfAbsent(lease, name -> new CopyOnWriteArrayList<>()).add(listener);
    boolean leading = leads(lease);
    if (known) {
      listener.accept(leading);
    }
  }

  /** Stops telling the listener; the last listener gone, this node gives the lease up. */
  public void withdraw(String lease, Consumer<Boolean> listener) {
    List<Consumer<Boolean>> left = listeners.getOrDefault(lease, List.of());
    left.remove(listener);
    if (left.isEmpty() && held.remove(lease) != null) {
      told.remove(lease);
      release(lease);
    }
  }

  /** The leases this node holds now, by name (its own left out). */
  public List<String> holding() {
    Instant now = clock.instant();
    return held.entrySet().stream().filter(lease -> lease.getValue().isAfter(now) && !lease.getKey().startsWith(NODE))
        .map(Map.Entry::getKey).sorted().toList();
  }

  /** Whether a node (as {@link #node()} names it) renewed its own lease within the time to live. */
  public boolean alive(String otherNode) {
    return node.equals(otherNode) || ownTransaction.execute(status -> entityManager.createQuery(
            "select count(l) from ClusterLease l where l.name = :name and l.expiresAt > :now", Long.class)
        .setParameter("name", NODE + otherNode).setParameter("now", clock.instant()).getSingleResult()) > 0;
  }

  /** Renews or takes every lease this node competes for (the keeper does, every third of their time to live). */
  void renewAll() {
    for (String lease : held.keySet()) {
      try {
        renew(lease);
      } catch (RuntimeException e) {
        // A listener failed (a route that would not start, say): the keeper must go on renewing the others.
        log.error("Cluster lease {}: telling its listeners failed", lease, e);
      }
    }
  }

  private void renew(String lease) {
    Instant now = clock.instant();
    try {
      boolean taken = Boolean.TRUE.equals(ownTransaction.execute(status -> entityManager.createQuery(
              "update ClusterLease l set l.node = :node, l.expiresAt = :until"
                  + " where l.name = :name and (l.node = :node or l.expiresAt < :now)")
          .setParameter("node", node).setParameter("until", now.plus(ttl)).setParameter("name", lease)
          .setParameter("now", now).executeUpdate() == 1)) || firstHolder(lease, now.plus(ttl));
      held.computeIfPresent(lease, (name, until) -> taken ? now.plus(ttl).minus(renewal) : Instant.EPOCH);
    } catch (RuntimeException unreachable) {
      // The lease stays held until it would run out for the others too (less a renewal), then this node lets go.
      log.warn("Cluster lease {} could not be renewed ({}); held until {}", lease, unreachable.getClass()
          .getSimpleName(), held.get(lease));
    }
    tell(lease);
  }

  /** Creates the lease if no node has it yet; false if another node created it first. */
  private boolean firstHolder(String lease, Instant until) {
    try {
      return Boolean.TRUE.equals(ownTransaction.execute(status -> {
        boolean exists = entityManager.find(ClusterLease.class, lease) != null;
        if (!exists) {
          entityManager.persist(new ClusterLease(lease, node, until));
        }
        return !exists;
      }));
    } catch (RuntimeException createdMeanwhile) {
      return false;
    }
  }

  private void tell(String lease) {
    Instant until = held.get(lease);
    boolean leading = until != null && until.isAfter(clock.instant());
    Boolean before = told.put(lease, leading);
    if (before != null && before == leading || lease.startsWith(NODE)) {
      return;
    }
    if (leading || before != null) {
      log.info("Cluster: node {} {} lease {}", node, leading ? "holds" : "no longer holds", lease);
    }
    listeners.getOrDefault(lease, List.of()).forEach(listener -> listener.accept(leading));
  }

  /** Deletes this node's lease of that name, or all its leases (null). */
  private void release(String lease) {
    try {
      ownTransaction.executeWithoutResult(status -> {
        Query delete = entityManager.createQuery("delete from ClusterLease l where l.node = :node"
            + (lease == null ? "" : " and l.name = :name")).setParameter("node", node);
        if (lease != null) {
          delete.setParameter("name", lease);
        }
        delete.executeUpdate();
      });
    } catch (RuntimeException unreachable) {
      log.warn("Cluster leases of node {} could not be given up ({}); they run out within {}", node,
          unreachable.getClass().getSimpleName(), ttl);
    }
  }

  /** Takes this node's own lease, which tells the others it is alive. */
  void join() {
    leads(NODE + node);
  }

  @PostConstruct
  void start() {
    join();
    keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cluster-leases");
      thread.setDaemon(true);
      return thread;
    });
    keeper.scheduleWithFixedDelay(this::renewAll, renewal.toMillis(), renewal.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Cluster: node {}, leases live {} and are renewed every {}", node, ttl, renewal);
  }

  /**
   * Gives every lease up, so that another node takes over at once rather than when they run out. On destruction, so
   * that the beans using the leases finish first (the audit trail drains its outbox on the way out).
   */
  @PreDestroy
  void stop() {
    stopped = true;
    if (keeper != null) {
      keeper.shutdownNow();
      keeper = null;
    }
    held.clear();
    release(null);
  }
}
