package org.casemgmt.routes.careplan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sends waiting to go out: one per plan and endpoint, written in the same transaction as the change that calls
 * for it (so a committed change is never forgotten and a rolled-back one never sent), and removed once the endpoint
 * has the plan or the send was given up into the dead-letter store. The adapter keeps it in its database.
 */
public interface CarePlanOutbox {
  /** Where the adapter asks for a drain once a change is committed; a request while one waits is dropped. */
  String DRAIN = "seda:careplan-outbox-drain?size=1&discardWhenFull=true";

  /** Sends whose time has come, oldest first. */
  List<PendingSend> due(int max);

  /** The plan as stored now, with what its copy needs; empty when the plan is gone. */
  Optional<CarePlanContent> content(String carePlanId);

  /**
   * The endpoint has the plan as it was read for the send: the entry is done, unless a change was queued in it
   * meanwhile (then it stays, due at once).
   */
  void delivered(PendingSend send);

  /** The attempt failed for a reason that may pass; try again at the given time (unless a change came meanwhile). */
  void retryLater(PendingSend send, Instant at, String reason);

  /**
   * The send was kept as a dead letter, or has nothing left to send: it leaves the outbox, unless a change was queued
   * in it meanwhile.
   */
  void removed(PendingSend send);

  /**
   * One plan to send to one endpoint.
   *
   * @param id the outbox entry; 0 for a replay of a dead letter, which is no entry
   * @param carePlanId the plan's id in this server
   * @param version the plan's version when the latest change was queued
   * @param changes how many changes the entry has taken in (it tells a change queued during a send)
   * @param attempts attempts made so far since the latest change
   */
  record PendingSend(long id, String endpointId, String carePlanId, long version, long changes, int attempts) {
  }
}
