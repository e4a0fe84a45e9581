package org.casemgmt.adapter.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A client a partner EHR may see: one it sent data for, or one it was sent a care plan for. Kept as a row when it
 * happens, so a partner's reach is one indexed lookup rather than a search over everything it ever wrote.
 */
@Entity
@Table(name = "CM_PARTNER_CLIENT")
@IdClass(PartnerClient.Key.class)
class PartnerClient {
  @Id
  @Column(name = "PARTNER", nullable = false, length = 100)
  private String partner;

  @Id
  @Column(name = "PATIENT_ID", nullable = false, length = 100)
  private String patientId;

  @Column(name = "SINCE", nullable = false)
  private Instant since;

  protected PartnerClient() {}

  PartnerClient(String partner, String patientId, Instant since) {
    this.partner = partner;
    this.patientId = patientId;
    this.since = since;
  }

  /** The composite key. */
  record Key(String partner, String patientId) implements Serializable {
    Key() {
      this(null, null);
    }
  }
}
