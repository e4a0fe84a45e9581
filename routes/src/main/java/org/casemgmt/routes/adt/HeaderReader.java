package org.casemgmt.routes.adt;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads MSH (and EVN-1 when MSH-9 has no event) and refuses, with AR, what this receiver does not take at all:
 * a truncated MSH, no control id, a version outside 2.3 to 2.8, a message type other than ADT, no trigger event, an
 * unreadable send time.
 */
final class HeaderReader {
  /** The versions read into the v2.8 structures; 2.1 and 2.2 lack fields the mapping relies on. */
  static final List<String> VERSIONS =
      List.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2");

  private final V2Structures structures;
  private final AdtMappingTables tables;

  HeaderReader(V2Structures structures, AdtMappingTables tables) {
    this.structures = structures;
    this.tables = tables;
  }

  Envelope read(Er7Text text) throws AdtRejection {
    int fields = text.segments().get(0).split(Pattern.quote(String.valueOf(text.fieldSeparator())),
        -1).length;
    if (fields < 12) {
      throw AdtRejection.reject(Hl7Error.SEGMENT_SEQUENCE, "MSH", 0, "The MSH segment ends after MSH-" + fields
          + ", before the version id (MSH-12) every message has: the message is truncated");
    }
    V2Segment msh = structures.segment(text, "MSH");
    String version = msh.get(12);
    if (version.isEmpty()) {
      throw AdtRejection.reject(Hl7Error.REQUIRED_FIELD_MISSING, "MSH", 12, "MSH-12 version id is missing");
    }
    if (!VERSIONS.contains(version)) {
      throw AdtRejection.reject(Hl7Error.UNSUPPORTED_VERSION, "MSH", 12,
          "MSH-12 version " + version + " is not supported: this receiver takes HL7 v2.3 to v2.8");
    }
    String messageType = msh.get(9, 1);
    if (!"ADT".equals(messageType)) {
      throw AdtRejection.reject(Hl7Error.UNSUPPORTED_MESSAGE_TYPE, "MSH", 9, "MSH-9 message type '" + messageType
          + "' is not supported: this receiver takes ADT messages only");
    }
    String event = event(text, msh);
    String controlId = msh.get(10);
    if (controlId.isEmpty()) {
      throw AdtRejection.reject(Hl7Error.REQUIRED_FIELD_MISSING, "MSH", 10, "MSH-10 message control id is missing");
    }
    HierarchicDesignator facility = msh.designator(4);
    ZoneId zone = tables.zoneOf(facility);
    MessageHeader header = new MessageHeader(msh.designator(3).name(), facility.name(), msh.designator(5).name(),
        msh.designator(6).name(), controlId, version, msh.get(11), sentAt(msh, zone),
        tables.facility(facility).isPresent());
    return new Envelope(header, facility, event, zone);
  }

  /** MSH-9.2; v2.3 senders may leave it to EVN-1. */
  private String event(Er7Text text, V2Segment msh) throws AdtRejection {
    String event = msh.get(9, 2);
    if (event.isEmpty()) {
      V2Segment evn = structures.segment(text, "EVN");
      event = evn == null ? "" : evn.get(1);
    }
    if (event.isEmpty()) {
      throw AdtRejection.reject(Hl7Error.REQUIRED_FIELD_MISSING, "MSH", 9,
          "MSH-9.2 trigger event is missing (and there is no EVN-1)");
    }
    return event;
  }

  private static OffsetDateTime sentAt(V2Segment msh, ZoneId zone) throws AdtRejection {
    String value = msh.get(7);
    try {
      return value.isEmpty() ? null : Hl7Time.parse(value).toOffsetDateTime(zone);
    } catch (IllegalArgumentException e) {
      throw AdtRejection.reject(Hl7Error.DATA_TYPE, "MSH", 7,
          "MSH-7 date/time of message '" + value + "' is not a valid HL7 date/time");
    }
  }
}
