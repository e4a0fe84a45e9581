package org.casemgmt.adapter.reporting.mhcld;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A client's MH-CLD client id: drawn at random once and kept, so that BCI and SHR records and the submissions of
 * later years link, while the state learns no identifier of the agency's (no MRN, Medicaid id or name).
 */
@Entity
@Table(name = "CM_MHCLD_CLIENT")
class MhcldClient {
  @Id
  @Column(name = "PATIENT_ID", length = 64)
  private String patientId;

  @Column(name = "CLIENT_ID", length = 15, nullable = false, unique = true)
  private String clientId;

  protected MhcldClient() {}

  MhcldClient(String patientId, String clientId) {
    this.patientId = patientId;
    this.clientId = clientId;
  }

  String patientId() {
    return patientId;
  }

  String clientId() {
    return clientId;
  }
}
