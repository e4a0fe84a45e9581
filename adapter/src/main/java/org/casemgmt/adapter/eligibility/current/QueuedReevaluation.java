package org.casemgmt.adapter.eligibility.current;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A client waiting for re-evaluation, written in the transaction of the evidence that named them (so a commit never
 * leaves a client unqueued, and a rollback queues nothing) and deleted once evaluated. A client named by several
 * transactions has several rows; a worker takes all of a client's rows at once by leasing them, so a node that stops
 * mid-evaluation leaves them to be taken again when the lease runs out.
 */
@Entity
@Table(name = "CM_REEVALUATION", indexes = @Index(name = "CM_REEVALUATION_CLIENT", columnList = "CLIENT"))
class QueuedReevaluation {
  @Id
  @SequenceGenerator(name = "CM_REEVALUATION_SEQ", sequenceName = "CM_REEVALUATION_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "CM_REEVALUATION_SEQ")
  private Long id;

  /** The Patient id. */
  @Column(name = "CLIENT", nullable = false, length = 64)
  private String client;

  /** Program ids asked for beyond those the client has a determination under, comma-separated; mostly none. */
  @Column(name = "PROGRAMS", length = 2000)
  private String programs;

  @Column(name = "QUEUED_AT", nullable = false)
  private Instant queuedAt;

  /** Until when a worker holds the row; none while it waits. */
  @Column(name = "LEASED_UNTIL")
  private Instant leasedUntil;

  /** The token of the worker's lease: the rows it took, and deletes once the client is evaluated. */
  @Column(name = "LEASE", length = 36)
  private String lease;

  protected QueuedReevaluation() {}

  QueuedReevaluation(String client, String programs, Instant queuedAt) {
    this.client = client;
    this.programs = programs;
    this.queuedAt = queuedAt;
  }
}
