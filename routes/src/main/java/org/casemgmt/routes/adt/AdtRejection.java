package org.casemgmt.routes.adt;

import java.util.regex.Pattern;

/**
 * Why a message cannot be taken: the acknowledgement code to answer with, the HL7 table 0357 error condition, where
 * in the message the problem is, and a sentence for the person who fixes the feed.
 *
 * <p>AR (application reject) is for messages this receiver does not take at all: not HL7, unreadable header, another
 * message type or version. AE (application error) is for an ADT message whose content is wrong or incomplete: a
 * date that is not a date, no patient identifier. Resending either unchanged gives the same answer.
 *
 * <p>The {@link #reason()} may quote the offending value (a birth date, say), which can be PHI: it belongs in the
 * acknowledgement to the sender and in the dead-letter record, not in logs. {@link #getMessage()} leaves values out,
 * so a logged exception carries only the code and the location.
 */
public final class AdtRejection extends Exception {
  private static final Pattern QUOTED = Pattern.compile("'[^']*'");
  private final String ackCode;
  private final Hl7Error error;
  private final String segmentId;
  private final int segmentSequence;
  private final int fieldPosition;
  private final String reason;

  private AdtRejection(String ackCode, Hl7Error error, String segmentId, int segmentSequence, int fieldPosition,
                       String reason) {
    super(null, null, false, false);
    this.ackCode = ackCode;
    this.error = error;
    this.segmentId = segmentId;
    this.segmentSequence = segmentSequence;
    this.fieldPosition = fieldPosition;
    this.reason = reason;
  }

  /** A message this receiver does not take at all (AR). */
  static AdtRejection reject(Hl7Error error, String segmentId, int fieldPosition, String reason) {
    return new AdtRejection("AR", error, segmentId, 1, fieldPosition, reason);
  }

  /** An ADT message whose content is wrong or incomplete (AE), in the first segment of its kind. */
  static AdtRejection error(Hl7Error error, String segmentId, int fieldPosition, String reason) {
    return error(error, segmentId, 1, fieldPosition, reason);
  }

  /** An ADT message whose content is wrong or incomplete (AE), in the given occurrence (1-based) of a segment. */
  static AdtRejection error(Hl7Error error, String segmentId, int segmentSequence, int fieldPosition, String reason) {
    return new AdtRejection("AE", error, segmentId, segmentSequence, fieldPosition, reason);
  }

  /**
   * A message the client record refuses (AE): it parsed, but recording it would break a rule of the record, such as
   * one client per identifier. Used by the adapter, which holds those rules.
   */
  public static AdtRejection refused(Hl7Error error, String segmentId, int fieldPosition, String reason) {
    return error(error, segmentId, 1, fieldPosition, reason);
  }

  /** A message the receiver does not take (AR), decided by the adapter (a control id reused for other content). */
  public static AdtRejection rejected(Hl7Error error, String segmentId, int fieldPosition, String reason) {
    return reject(error, segmentId, fieldPosition, reason);
  }

  /**
   * A failure of the receiver's own that a resend cannot fix (a defect, not an outage): AR 207, so the sender stops
   * resending; the message is kept as a dead letter to be replayed once the defect is fixed.
   */
  public static AdtRejection internal(String reason) {
    return new AdtRejection("AR", Hl7Error.APPLICATION_INTERNAL, "", 0, 0, reason);
  }

  /** AR or AE, for MSA-1. */
  public String ackCode() {
    return ackCode;
  }

  /** The HL7 table 0357 code for ERR-3, such as 102 for a data type error. */
  public int errorCode() {
    return error.code;
  }

  /** The HL7 table 0357 text of {@link #errorCode()}. */
  public String errorText() {
    return error.text;
  }

  /** Where: {@code PID-7}, {@code MSH-9}, {@code MRG} (a whole segment), {@code DG1[2]-5} (second DG1, 1-based). */
  public String location() {
    String segment = segmentSequence > 1 ? segmentId + "[" + segmentSequence + "]" : segmentId;
    return fieldPosition > 0 ? segment + "-" + fieldPosition : segment;
  }

  /** The segment id of ERR-2.1. */
  public String segmentId() {
    return segmentId;
  }

  /** The occurrence of that segment in the message, 1-based (ERR-2.2). */
  public int segmentSequence() {
    return segmentSequence;
  }

  /** The field position (ERR-2.3); 0 when the whole segment is meant. */
  public int fieldPosition() {
    return fieldPosition;
  }

  /** The human explanation for ERR-8; may quote the offending value. */
  public String reason() {
    return reason;
  }

  /**
   * Code, location and the explanation, with the values the reason quotes ('...') left out: what a dead-letter list
   * shows an operator, who needs to know what is wrong, not the patient's data (the kept message has that).
   */
  public String explanation() {
    return getMessage() + ": " + QUOTED.matcher(reason).replaceAll("'…'");
  }

  @Override
  public String getMessage() {
    return ackCode + " " + error.code + " " + error.text + " at " + location();
  }
}
