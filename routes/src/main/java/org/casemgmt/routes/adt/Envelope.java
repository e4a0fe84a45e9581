package org.casemgmt.routes.adt;

import java.time.ZoneId;

/**
 * What the header tells before the body is read: the public {@link MessageHeader}, the trigger event, the sending
 * facility as a full HD (the tables match either of its ids) and the zone its times without offset are in.
 */
record Envelope(MessageHeader header, HierarchicDesignator sendingFacility, String event, ZoneId zone) {

  /** The facility name fallback identifier systems are built from: MSH-4, else MSH-3. */
  String senderName() {
    return sendingFacility.isEmpty() ? header.sendingApplication() : sendingFacility.name();
  }
}
