package org.casemgmt.adapter.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An access ({@link AccessRecord}) not yet stored as AuditEvent resources. The row is written before the answer
 * leaves, in a short transaction of its own; the drain turns rows into AuditEvents and deletes them in one
 * transaction, so a crash or a shutdown at any point loses none and stores none twice.
 */
@Entity
@Table(name = "CM_AUDIT_OUTBOX")
class AuditOutboxEntry {
  @Id
  @SequenceGenerator(name = "CM_AUDIT_OUTBOX_SEQ", sequenceName = "CM_AUDIT_OUTBOX_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "CM_AUDIT_OUTBOX_SEQ")
  private Long id;

  @Column(name = "RECORDED_AT", nullable = false)
  private Instant recordedAt;

  /** The access record as JSON (an earlier version wrote an AuditEvent here). */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "EVENT_JSON", nullable = false)
  private String access;

  /** Set when the event could not be stored even with its references made logical: kept for an operator. */
  @Column(name = "FAILED_AT")
  private Instant failedAt;

  protected AuditOutboxEntry() {}

  AuditOutboxEntry(Instant recordedAt, String access) {
    this.recordedAt = recordedAt;
    this.access = access;
  }

  Long id() {
    return id;
  }

  Instant recordedAt() {
    return recordedAt;
  }

  String access() {
    return access;
  }

  void failed(Instant at) {
    this.failedAt = at;
  }
}
