package org.casemgmt.adapter.adt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A message that was recorded (or ignored), by sender, control id (MSH-10) and content digest, written in the same
 * transaction as its data: re-delivery of the same message is recognised and writes nothing, while another message
 * under a reused control id is told apart by its content. The unique key also stops two concurrent deliveries of one
 * message from both being recorded.
 */
@Entity
@Table(name = "CM_RECEIVED_MESSAGE", uniqueConstraints = @UniqueConstraint(name = "IDX_CM_RECEIVED_MESSAGE_DIGEST",
    columnNames = {"SENDER", "CONTROL_ID", "CONTENT_DIGEST"}))
class ReceivedMessage {
  @Id
  @SequenceGenerator(name = "CM_RECEIVED_MESSAGE_SEQ", sequenceName = "CM_RECEIVED_MESSAGE_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "CM_RECEIVED_MESSAGE_SEQ")
  private Long id;

  /** Sending application and facility (MSH-3, MSH-4). */
  @Column(name = "SENDER", nullable = false, length = 200)
  private String sender;

  @Column(name = "CONTROL_ID", nullable = false, length = 200)
  private String controlId;

  /** SHA-256 of the segments (hex); null on rows from before digests were kept. */
  @Column(name = "CONTENT_DIGEST", length = 64)
  private String contentDigest;

  @Column(name = "EVENT", nullable = false, length = 10)
  private String event;

  @Column(name = "OUTCOME", nullable = false, length = 20)
  private String outcome;

  @Column(name = "RECEIVED_AT", nullable = false)
  private Instant receivedAt;

  protected ReceivedMessage() {
  }

  ReceivedMessage(String sender, String controlId, String contentDigest, String event, String outcome,
      Instant receivedAt) {
    this.sender = sender;
    this.controlId = controlId;
    this.contentDigest = contentDigest;
    this.event = event;
    this.outcome = outcome;
    this.receivedAt = receivedAt;
  }
}
