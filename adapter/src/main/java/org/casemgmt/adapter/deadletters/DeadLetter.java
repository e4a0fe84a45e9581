package org.casemgmt.adapter.deadletters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Input a feed could not process, kept whole with the reason, until it is replayed. */
@Entity
@Table(name = "CM_DEAD_LETTER", indexes = @Index(name = "IDX_CM_DEAD_LETTER_FEED", columnList = "FEED, STATUS"))
class DeadLetter {
  enum Status { OPEN, REPLAYED }

  @Id
  @SequenceGenerator(name = "CM_DEAD_LETTER_SEQ", sequenceName = "CM_DEAD_LETTER_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "CM_DEAD_LETTER_SEQ")
  private Long id;

  @Column(name = "FEED", nullable = false, length = 40)
  private String feed;

  @Column(name = "SOURCE", length = 500)
  private String source;

  @Column(name = "RECEIVED_AT", nullable = false)
  private Instant receivedAt;

  @Column(name = "REASON", nullable = false, length = 2000)
  private String reason;

  /** As bytes: input can be anything, NUL bytes included, which a text column would refuse. */
  @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
  @Column(name = "PAYLOAD", nullable = false)
  private byte[] payload;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 20)
  private Status status;

  @Column(name = "REPLAYED_AT")
  private Instant replayedAt;

  /** When a replay failed again, the dead letter that replay produced. */
  @Column(name = "REPLAYED_AS")
  private Long replayedAs;

  protected DeadLetter() {
  }

  DeadLetter(String feed, String source, String payload, String reason, Instant receivedAt) {
    this.feed = feed;
    this.source = source;
    this.payload = payload.getBytes(StandardCharsets.UTF_8);
    this.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    this.receivedAt = receivedAt;
    this.status = Status.OPEN;
  }

  void replayed(Instant at, Long failedAgainAs) {
    status = Status.REPLAYED;
    replayedAt = at;
    replayedAs = failedAgainAs;
  }

  Long id() {
    return id;
  }

  String feed() {
    return feed;
  }

  String source() {
    return source;
  }

  String payload() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  String reason() {
    return reason;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  Status status() {
    return status;
  }

  Instant replayedAt() {
    return replayedAt;
  }

  Long replayedAs() {
    return replayedAs;
  }
}
