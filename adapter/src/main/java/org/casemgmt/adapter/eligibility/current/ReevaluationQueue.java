package org.casemgmt.adapter.eligibility.current;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Clients waiting to be re-evaluated, worked through one at a time on a thread of its own, so a feed's writer never
 * waits for an evaluation and two cores are not swamped by them. A client is held once however often new evidence
 * names them (a claims file touching 6,000 clients queues at most 6,000 entries); one named again while being
 * evaluated is queued again, since the evaluation may have read the record before that evidence committed. When the
 * queue is full a new client is dropped and counted (their determination catches up with the next evidence or the
 * daily pass); the writer is never held up.
 */
class ReevaluationQueue implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ReevaluationQueue.class);

  private final Object lock = new Object();
  private final LinkedHashSet<String> pending = new LinkedHashSet<>();
  private final int capacity;
  private final Consumer<String> reevaluation;
  private Thread worker;
  private boolean running;
  private boolean working;
  private long done;
  private long dropped;

  /** @param reevaluation re-evaluates one client (a Patient id); a failure is its own to log */
  ReevaluationQueue(int capacity, Consumer<String> reevaluation) {
    this.capacity = capacity;
    this.reevaluation = reevaluation;
  }

  void add(String patientId) {
    synchronized (lock) {
      if (pending.size() >= capacity && !pending.contains(patientId)) {
        dropped++;
        if (dropped == 1 || dropped % 1000 == 0) {
          log.warn("Re-evaluation queue full ({} clients): {} clients dropped so far", capacity, dropped);
        }
        return;
      }
      if (pending.add(patientId)) {
        lock.notifyAll();
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
      String next;
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
        Iterator<String> first = pending.iterator();
        next = first.next();
        first.remove();
        working = true;
      }
      try {
        reevaluation.accept(next);
      } catch (RuntimeException e) {
        // The class only: a message may quote the record.
        log.warn("Re-evaluation of Patient/{} failed: {}", next, e.getClass().getName());
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
