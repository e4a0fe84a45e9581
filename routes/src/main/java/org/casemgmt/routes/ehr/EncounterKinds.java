package org.casemgmt.routes.ehr;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;

/**
 * The guide's encounter-kind of a pulled stay or emergency visit, which the eligibility evidence reads: whether it was
 * psychiatric is site knowledge (the codings in {@code adapter.ehr.mapping.psychiatric-codes}, the source's
 * psychiatric units), as in the ADT mapping. Other encounters (office visits, telehealth) get no kind: they are not
 * hospitalizations.
 */
final class EncounterKinds {
  /** The classes of the guide's hospitalization-class value set. */
  static final Set<String> HOSPITALIZATION = Set.of("IMP", "EMER", "ACUTE", "NONAC", "OBSENC");

  private final EhrSource source;
  private final EhrMappingTables tables;
  private final SourceReferences references;

  EncounterKinds(EhrSource source, EhrMappingTables tables) {
    this.source = source;
    this.tables = tables;
    this.references = new SourceReferences(source);
  }

  static boolean isHospitalization(Coding encounterClass) {
    return Guide.ACT_CODE.equals(encounterClass.getSystem()) && HOSPITALIZATION.contains(encounterClass.getCode());
  }

  /** The kind, or empty when the encounter is not a stay or emergency visit. */
  Optional<CodeableConcept> kind(Encounter encounter) {
    if (!isHospitalization(encounter.getClass_())) {
      return Optional.empty();
    }
    boolean emergency = "EMER".equals(encounter.getClass_().getCode());
    return Optional.of(new CodeableConcept()
        .addCoding(EncounterKind.hospitalization(psychiatric(encounter), emergency).coding()));
  }

  private boolean psychiatric(Encounter encounter) {
    boolean coded = Stream.concat(encounter.getType().stream(), Stream.of(encounter.getServiceType()))
        .flatMap(concept -> concept.getCoding().stream())
        .anyMatch(coding -> tables.psychiatricCodes().contains(coding.getSystem() + "|" + coding.getCode()));
    return coded || encounter.getLocation().stream().map(Encounter.EncounterLocationComponent::getLocation)
        .anyMatch(location -> {
          String id = references.idOf(location, "Location");
          return id != null && source.psychiatricLocations().contains(id.toLowerCase(Locale.ROOT))
              || location.hasDisplay()
              && source.psychiatricLocations().contains(location.getDisplay().trim().toLowerCase(Locale.ROOT));
        });
  }
}
