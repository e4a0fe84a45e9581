package org.casemgmt.routes.adt;

/** The HL7 table 0357 message error conditions this receiver reports in ERR-3. */
public enum Hl7Error {
  SEGMENT_SEQUENCE(100, "Segment sequence error"),
  REQUIRED_FIELD_MISSING(101, "Required field missing"),
  DATA_TYPE(102, "Data type error"),
  TABLE_VALUE_NOT_FOUND(103, "Table value not found"),
  VALUE_TOO_LONG(104, "Value too long"),
  UNSUPPORTED_MESSAGE_TYPE(200, "Unsupported message type"),
  UNSUPPORTED_EVENT(201, "Unsupported event code"),
  UNSUPPORTED_VERSION(203, "Unsupported version id"),
  /** The message names a record that is not on file in the way it needs (a merge whose survivor is unknown...). */
  UNKNOWN_KEY(204, "Unknown key identifier"),
  /** A key already in use: identifiers held by two clients, a control id reused for another message. */
  DUPLICATE_KEY(205, "Duplicate key identifier"),
  /** Not the sender's fault: a resend after the receiver recovers may succeed (AE), or it is ours to fix (AR). */  APPLICATION_INTERNAL(207, "Application internal error");

  final int code;
  final String text;

  Hl7Error(int code, String text) {
    this.code = code;
    this.text = text;
  }
}
