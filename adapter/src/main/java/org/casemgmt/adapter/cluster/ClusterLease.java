package org.casemgmt.adapter.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who holds a lease, until when (see {@link ClusterLeases}). */
@Entity
@Table(name = "CM_CLUSTER_LEASE")
class ClusterLease {
  @Id
  @Column(name = "NAME", length = 200)
  private String name;

  @Column(name = "NODE", nullable = false, length = 200)
  private String node;

  @Column(name = "EXPIRES_AT", nullable = false)
  private Instant expiresAt;

  protected ClusterLease() {}

  ClusterLease(String name, String node, Instant expiresAt) {
    this.name = name;
    this.node = node;
    this.expiresAt = expiresAt;
  }
}
