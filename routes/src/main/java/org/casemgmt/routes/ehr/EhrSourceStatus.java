package org.casemgmt.routes.ehr;

import java.time.Instant;

/**
 * How one source's polls are going, for health and operators: when it last succeeded, its last failure, and what it
 * has done since start-up. Failures are kept as their messages (request and status, no content).
 */
public final class EhrSourceStatus {
  /** UNKNOWN before the first poll ends; then UP or DOWN after each poll, whether every resource type went through. */
  public enum State { UNKNOWN, UP, DOWN }

  /**
   * @param recorded resources written (created or changed) since start-up
   * @param refused  resources kept as dead letters since start-up
   * @param retries  requests retried after a transient failure since start-up
   */
  public record Snapshot(String id, String baseUrl, State state, Instant lastPollStarted, Instant lastSuccess,
      Instant lastErrorAt, String lastError, long recorded, long unchanged, long refused, long retries) {
  }

  private final String id;
  private final String baseUrl;
  private State state = State.UNKNOWN;
  private Instant lastPollStarted;
  private Instant lastSuccess;
  private Instant lastErrorAt;
  private String lastError;
  private boolean failedThisPoll;
  private long recorded;
  private long unchanged;
  private long refused;
  private long retries;

  EhrSourceStatus(EhrSource source) {
    this.id = source.id();
    this.baseUrl = source.baseUrl();
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(id, baseUrl, state, lastPollStarted, lastSuccess, lastErrorAt, lastError, recorded,
        unchanged, refused, retries);
  }

  synchronized void pollStarted(Instant at) {
    lastPollStarted = at;
    failedThisPoll = false;
  }

  synchronized void failed(Instant at, String error) {
    failedThisPoll = true;
    lastErrorAt = at;
    lastError = error;
  }

  synchronized void pollEnded(Instant at) {
    state = failedThisPoll ? State.DOWN : State.UP;
    if (!failedThisPoll) {
      lastSuccess = at;
    }
  }

  synchronized void counted(EhrRecord.PageOutcome outcome) {
    recorded += outcome.created() + outcome.updated();
    unchanged += outcome.unchanged();
    refused += outcome.deadLetters().size();
  }

  synchronized void retried() {
    retries++;
  }
}
