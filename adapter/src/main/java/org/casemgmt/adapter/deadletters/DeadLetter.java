package org.casemgmt.adapter.deadletters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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

  /**
   * Base64 of the UTF-8 bytes: input can be anything, NUL bytes included, which a PostgreSQL text column refuses;
   * a long-text column (as HAPI uses for resource bodies) keeps the schema update working on H2 as well.
   */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "PAYLOAD_BASE64", nullable = false)
  private String payload;

  /** Kept as plain text: Hibernate maps enums to H2's ENUM type, which its schema update cannot compare. */
  @Column(name = "STATUS", nullable = false, length = 20)
  private String status;

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
    this.payload = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    this.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    this.receivedAt = receivedAt;
    this.status = Status.OPEN.name();
  }

  void replayed(Instant at, Long failedAgainAs) {
    status = Status.REPLAYED.name();
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
    return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
  }

  String reason() {
    return reason;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  Status status() {
    return Status.valueOf(status);
  }

  Instant replayedAt() {
    return replayedAt;
  }

  Long replayedAs() {
    return replayedAs;
  }
}
