package org.casemgmt.adapter.reporting.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One bulk export, from kick-off to expiry. Any node may run a queued one (it claims the row); the node running it
 * reports progress on the row, so a node that stops mid-way leaves a stale row another one starts again. Its files
 * are listed as JSON once it is complete.
 */
@Entity
@Table(name = "CM_EXPORT_JOB")
class ExportJob {
  enum Status { QUEUED, RUNNING, COMPLETE, FAILED }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "STATUS", length = 16, nullable = false)
  private String status;

  /** The kick-off's caller (claims, scopes), whose grant the export runs under. */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "CALLER_JSON", nullable = false)
  private String caller;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "REQUEST_JSON", nullable = false)
  private String request;

  /** The kick-off URL, as the manifest's {@code request} repeats it. */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "REQUEST_URL", nullable = false)
  private String requestUrl;

  /** The kick-off time: nothing updated after it is exported (the manifest's transactionTime). */
  @Column(name = "TRANSACTION_TIME", nullable = false)
  private Instant transactionTime;

  @Column(name = "NODE", length = 100)
  private String node;

  @Column(name = "HEARTBEAT_AT")
  private Instant heartbeatAt;

  @Column(name = "FINISHED_AT")
  private Instant finishedAt;

  @Column(name = "PROGRESS", length = 200)
  private String progress;

  /** The files written, as JSON; an empty list until the export is complete (a long text column cannot bind null). */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "FILES_JSON", nullable = false)
  private String files = "[]";

  @Column(name = "ERROR", length = 500)
  private String error;

  protected ExportJob() {}

  ExportJob(String id, String caller, String request, String requestUrl, Instant transactionTime) {
    this.id = id;
    this.status = Status.QUEUED.name();
    this.caller = caller;
    this.request = request;
    this.requestUrl = requestUrl;
    this.transactionTime = transactionTime;
  }

  String id() {
    return id;
  }

  Status status() {
    return Status.valueOf(status);
  }

  String caller() {
    return caller;
  }

  String request() {
    return request;
  }

  String requestUrl() {
    return requestUrl;
  }

  Instant transactionTime() {
    return transactionTime;
  }

  Instant finishedAt() {
    return finishedAt;
  }

  String progress() {
    return progress;
  }

  String files() {
    return files;
  }

  String error() {
    return error;
  }
}
