package org.casemgmt.adapter.ehr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where a source's next poll of one resource type resumes: the {@code _lastUpdated} it asks to be greater than, as
 * the EHR wrote it. Written in the transaction of the page that reached it, so it never runs ahead of what is
 * committed.
 */
@Entity
@Table(name = "CM_EHR_WATERMARK")
class EhrWatermark {
  /** {@code <source id>/<resource type>}. */
  @Id
  @Column(name = "SOURCE_TYPE", nullable = false, length = 80)
  private String key;

  @Column(name = "SOURCE_ID", nullable = false, length = 40)
  private String sourceId;

  @Column(name = "RESOURCE_TYPE", nullable = false, length = 40)
  private String resourceType;

  @Column(name = "LAST_UPDATED", nullable = false, length = 64)
  private String lastUpdated;

  @Column(name = "COMMITTED_AT", nullable = false)
  private Instant committedAt;

  protected EhrWatermark() {
  }

  EhrWatermark(String sourceId, String resourceType, String lastUpdated, Instant committedAt) {
    this.key = key(sourceId, resourceType);
    this.sourceId = sourceId;
    this.resourceType = resourceType;
    this.lastUpdated = lastUpdated;
    this.committedAt = committedAt;
  }

  static String key(String sourceId, String resourceType) {
    return sourceId + "/" + resourceType;
  }

  void advance(String to, Instant at) {
    lastUpdated = to;
    committedAt = at;
  }

  String resourceType() {
    return resourceType;
  }

  String lastUpdated() {
    return lastUpdated;
  }
}
