package org.casemgmt.routes.adt;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * One ADT message, read and mapped: the raw text as received (for Provenance and replay), its header, its trigger
 * event, and the FHIR resources it states. The resources have no ids and no subject or encounter references:
 * which stored client and visit they belong to is for identity matching to decide, on their identifiers.
 *
 * @param patient                  the client (PID), null for an event this adapter ignores
 * @param mergedPatientIdentifiers A40: the identifiers (MRG-1) of the record that merges into {@code patient}
 * @param encounter                the visit (PV1), null for A40, for ignored events, and when there is no visit
 * @param diagnoses                the visit's diagnoses (DG1), empty without a visit
 */
public record AdtMessage(
    String raw,
    MessageHeader header,
    String event,
    Patient patient,
    List<Identifier> mergedPatientIdentifiers,
    Encounter encounter,
    List<Condition> diagnoses) {

  public AdtMessage {
    mergedPatientIdentifiers = mergedPatientIdentifiers == null ? List.of() : List.copyOf(mergedPatientIdentifiers);
    diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
  }

  /**
   * Whether the adapter acts on this event (A01, A02, A03, A04, A06, A07, A08, A11, A13, A40). Any other ADT
   * event is well-formed but carries nothing the record needs: acknowledge it and record it as ignored.
   */
  public boolean supported() {
    return AdtEvent.of(event).isPresent();
  }
}
