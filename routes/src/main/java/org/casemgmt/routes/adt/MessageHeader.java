package org.casemgmt.routes.adt;

import java.time.OffsetDateTime;

/**
 * Who sent a message, to whom, when, and under which control id: what Provenance, idempotency and the
 * acknowledgement need. Applications and facilities are HD namespace ids, or universal ids when a sender gives no
 * namespace.
 *
 * @param sentAt        MSH-7, with the facility's zone when the sender gave no offset; null when MSH-7 is empty
 * @param facilityKnown whether the sending facility (MSH-4) is in the site tables (config/adt-mapping.yml)
 */
public record MessageHeader(
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String controlId,
    String version,
    String processingId,
    OffsetDateTime sentAt,
    boolean facilityKnown) {
}
