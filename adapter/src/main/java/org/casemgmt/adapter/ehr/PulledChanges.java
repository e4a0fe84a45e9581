package org.casemgmt.adapter.ehr;

import java.util.Optional;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;

/**
 * How a pulled resource changes the stored one it is (by a shared identifier). The EHR's current version is what it
 * holds of that resource, so it replaces the stored content, except for what other feeds know: identifiers (an ADT
 * visit number, another EHR's id) stay, the status history ADT keeps stays when the EHR sends none, and a stay
 * another feed found psychiatric is not made medical because this EHR's codes do not say so.
 */
final class PulledChanges {

  private PulledChanges() {
  }

  /** The stored resource as the pulled one changes it: a new version of it, carrying its id, version and meta. */
  static DomainResource merged(DomainResource stored, DomainResource pulled) {
    DomainResource merged = pulled.copy();
    merged.setIdElement(stored.getIdElement().copy());
    merged.setMeta(stored.getMeta().copy());
    merged.getMeta().setProfile(pulled.getMeta().getProfile());
    merged.setLanguageElement(stored.getLanguageElement().copy());
    merged.setText(stored.getText().copy());
    for (Identifier identifier : StoredByIdentifier.identifiersOf(stored)) {
      boolean known = StoredByIdentifier.identifiersOf(merged).stream()
          .anyMatch(id -> StoredByIdentifier.key(id).equals(StoredByIdentifier.key(identifier)));
      if (!known) {
        merged.setProperty("identifier", identifier.copy()); // appends to the list
      }
    }
    if (stored instanceof Encounter storedVisit && merged instanceof Encounter visit) {
      keepWhatOthersKnow(storedVisit, visit);
    }
    return merged;
  }

  private static void keepWhatOthersKnow(Encounter stored, Encounter visit) {
    if (!visit.hasStatusHistory()) {
      stored.getStatusHistory().forEach(history -> visit.addStatusHistory(history.copy()));
    }
    Optional<Coding> storedKind = kind(stored);
    Optional<Coding> pulledKind = kind(visit);
    if (storedKind.isPresent() && storedKind.get().getCode().startsWith("psychiatric-")
        && pulledKind.isPresent() && pulledKind.get().getCode().startsWith("medical-")) {
      visit.getType().removeIf(type -> type.getCoding().stream()
          .anyMatch(coding -> EncounterKind.SYSTEM.equals(coding.getSystem())));
      visit.addType(new CodeableConcept().addCoding(storedKind.get().copy()));
    }
  }

  private static Optional<Coding> kind(Encounter encounter) {
    return encounter.getType().stream().flatMap(type -> type.getCoding().stream())
        .filter(coding -> EncounterKind.SYSTEM.equals(coding.getSystem()) && coding.hasCode()).findFirst();
  }
}
