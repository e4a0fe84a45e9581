package org.casemgmt.adapter.careplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.casemgmt.routes.careplan.CarePlanOutbox.PendingSend;

/**
 * A plan waiting to be sent to one endpoint. One entry per plan and endpoint: a change while one waits is taken into
 * it (the send carries the plan as stored when it goes), so a busy plan is not sent once per version.
 */
@Entity
@Table(name = "CM_CAREPLAN_OUTBOX",
    uniqueConstraints = @UniqueConstraint(name = "IDX_CM_CAREPLAN_OUTBOX_PLAN", columnNames = {"CAREPLAN_ID",
        "ENDPOINT_ID"}),
    indexes = @Index(name = "IDX_CM_CAREPLAN_OUTBOX_DUE", columnList = "NEXT_ATTEMPT_AT"))
class OutboxEntry {
  @Id
  @SequenceGenerator(name = "CM_CAREPLAN_OUTBOX_SEQ", sequenceName = "CM_CAREPLAN_OUTBOX_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "CM_CAREPLAN_OUTBOX_SEQ")
  private Long id;

  @Column(name = "CAREPLAN_ID", nullable = false, length = 64)
  private String carePlanId;

  @Column(name = "ENDPOINT_ID", nullable = false, length = 40)
  private String endpointId;

  /** The plan's version when the latest change was queued (for logs and dead letters). */
  @Column(name = "CAREPLAN_VERSION", nullable = false)
  private long version;

  /** Changes taken in: a send that finds it raised meanwhile leaves the entry for the newer plan. */
  @Column(name = "CHANGES", nullable = false)
  private long changes;

  @Column(name = "QUEUED_AT", nullable = false)
  private Instant queuedAt;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "LAST_ERROR", length = 1000)
  private String lastError;

  protected OutboxEntry() {
  }

  OutboxEntry(String carePlanId, String endpointId, long version, Instant now) {
    this.carePlanId = carePlanId;
    this.endpointId = endpointId;
    this.version = version;
    this.changes = 1;
    this.queuedAt = now;
    this.nextAttemptAt = now;
  }

  PendingSend pending() {
    return new PendingSend(id, endpointId, carePlanId, version, changes, attempts);
  }
}
