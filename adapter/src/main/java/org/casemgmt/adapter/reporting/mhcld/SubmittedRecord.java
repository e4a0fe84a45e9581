package org.casemgmt.adapter.reporting.mhcld;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A record as last submitted for a file and period: what the next submission adds to, changes or deletes. */
@Entity
@Table(name = "CM_MHCLD_RECORD")
class SubmittedRecord {
  /** The series and the record's key: "bci/2026-06-30/K3J9..." */
  @Id
  @Column(name = "ID", length = 200)
  private String id;

  @Column(name = "SERIES", length = 32, nullable = false)
  private String series;

  @Column(name = "RECORD_KEY", length = 160, nullable = false)
  private String key;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "LINE", nullable = false)
  private String line;

  protected SubmittedRecord() {}

  SubmittedRecord(String series, String key, String line) {
    this.id = series + "/" + key;
    this.series = series;
    this.key = key;
    this.line = line;
  }

  String key() {
    return key;
  }

  String line() {
    return line;
  }

  void line(String line) {
    this.line = line;
  }
}
