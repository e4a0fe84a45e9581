package org.casemgmt.adapter.adt;

import java.time.Instant;
import java.util.Date;
import org.casemgmt.routes.adt.AdtMessage;
import org.casemgmt.routes.adt.MessageHeader;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/** Where the facts of one ADT message came from: the sending facility and application, the message, when. */
final class MessageProvenance {
  /** Identifies a message by its sender and control id (MSH-10). */
  static final String MESSAGE_SYSTEM = "urn:casemgmt:v2:message-control-id";
  static final String SENDER_SYSTEM = "urn:casemgmt:v2:sending-facility";

  private final AdtMessage message;
  private final Instant received;

  MessageProvenance(AdtMessage message, Instant received) {
    this.message = message;
    this.received = received;
  }

  Provenance resource() {
    MessageHeader header = message.header();
    Provenance provenance = new Provenance();
    provenance.setRecorded(Date.from(received));
    if (header.sentAt() != null) {
      provenance.getOccurredDateTimeType().setValue(Date.from(header.sentAt().toInstant()));
    }
    provenance.setActivity(new CodeableConcept(
        new Coding("http://terminology.hl7.org/CodeSystem/v2-0003", message.event(), null)));
    provenance.addAgent()
        .setType(new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author", null)))
        .setWho(new Reference()
            .setIdentifier(new Identifier().setSystem(SENDER_SYSTEM).setValue(header.sendingFacility()))
            .setDisplay(header.sendingApplication() + " at " + header.sendingFacility()));
    provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference()
            .setIdentifier(new Identifier().setSystem(MESSAGE_SYSTEM)
                .setValue(header.sendingApplication() + "^" + header.sendingFacility() + "|" + header.controlId()))
            .setDisplay("HL7 v" + header.version() + " ADT^" + message.event() + " " + header.controlId()));
    return provenance;
  }
}
