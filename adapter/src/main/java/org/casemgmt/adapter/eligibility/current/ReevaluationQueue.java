package org.casemgmt.adapter.eligibility.current;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Clients waiting to be re-evaluated, worked through one at a time on a thread of its own, so a feed's writer never
 * waits for an evaluation and two cores are not swamped by them. A client is held once however often new evidence
 * names them (a claims file touching 6,000 clients queues at most 6,000 entries); one named again while being
 * evaluated is queued again, since the evaluation may have read the record before that evidence committed. When the
 * queue is full a new client is dropped and counted (their determination catches up with the next evidence or the
 * daily pass); the writer is never held up. A client may also be queued with programs they have no determination for
 * yet (a completed screening asks for one): those are evaluated too, and merged with any asked for while waiting.
 */
class ReevaluationQueue implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ReevaluationQueue.class);

  private final Object lock = new Object();
  /** Client to the programs asked for beyond those they have a determination for (mostly none). */
  private final LinkedHashMap<String, Set<String>> pending = new LinkedHashMap<>();
  private final int capacity;
  private final BiConsumer<String, Set<String>> reevaluation;
  private Thread worker;
  private boolean running;
  private boolean working;
  private long done;
  private long dropped;

  /**
   * @param reevaluation re-evaluates one client (a Patient id) under the programs they have a determination for and
   *     the ones asked for; a failure is its own to log
   */
  ReevaluationQueue(int capacity, BiConsumer<String, Set<String>> reevaluation) {
    this.capacity = capacity;
    this.reevaluation = reevaluation;
  }

  void add(String patientId) {
    add(patientId, Set.of());
  }

  /** Queues the client, with programs to evaluate them under even without a determination yet. */
  void add(String patientId, Set<String> programs) {
    synchronized (lock) {
      if (pending.size() >= capacity && !pending.containsKey(patientId)) {
        dropped++;
        if (dropped == 1 || dropped % 1000 == 0) {
          log.warn("Re-evaluation queue full ({} clients): {} clients dropped so far", capacity, dropped);
        }
        return;
      }
      Set<String> asked = pending.get(patientId);
      if (asked == null) {
        pending.put(patientId, new LinkedHashSet<>(programs));
        lock.notifyAll();
      } else {
        asked.addAll(programs);
      }
    }
  }

  /** Whether nothing is waiting or being evaluated. */
  boolean idle() {
    synchronized (lock) {
      return pending.isEmpty() && !working;
    }
  }

  /** Clients re-evaluated since start. */
  long done() {
    synchronized (lock) {
      return done;
    }
  }

  private void work() {
    while (true) {
      Map.Entry<String, Set<String>> next;
      synchronized (lock) {
        while (running && pending.isEmpty()) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (!running) {
          return;
        }
        Iterator<Map.Entry<String, Set<String>>> first = pending.entrySet().iterator();
        next = first.next();
        first.remove();
        working = true;
      }
      try {
        reevaluation.accept(next.getKey(), next.getValue());
      } catch (RuntimeException e) {
        // The class only: a message may quote the record.
        log.warn("Re-evaluation of Patient/{} failed: {}", next.getKey(), e.getClass().getName());
      } finally {
        synchronized (lock) {
          working = false;
          done++;
          lock.notifyAll();
        }
      }
    }
  }

  @Override
  public void start() {
    synchronized (lock) {
      running = true;
      worker = new Thread(this::work, "eligibility-reevaluation");
      worker.setDaemon(true);
      worker.start();
    }
  }

  /** Stops after the evaluation under way; clients still waiting are left to the next evidence or daily pass. */
  @Override
  public void stop() {
    Thread stopping;
    synchronized (lock) {
      running = false;
      lock.notifyAll();
      stopping = worker;
    }
    try {
      stopping.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!pending.isEmpty()) {
      log.info("Stopped with {} clients waiting for re-evaluation", pending.size());
    }
  }

  @Override
  public boolean isRunning() {
    synchronized (lock) {
      return running;
    }
  }
}
