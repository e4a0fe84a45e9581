package org.casemgmt.routes.ehr;

import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * An EHR's Encounter as the record keeps a visit: identified by {@code <base>/Encounter|<id>} (so re-polls update it)
 * and by the EHR's own identifiers, such as the visit number ADT messages carry (so a stay ADT recorded is the same
 * Encounter). What the record reads is copied: status, class, type, service type, period, reasons, admission and
 * discharge, locations; a stay or emergency visit gets the guide's encounter-kind and hospitalization profile.
 * References to the EHR's other resources become logical ones; participants, diagnoses (Conditions name their
 * Encounter), accounts and extensions do not cross over.
 */
final class EncounterMapping {
  private final SourceReferences references;
  private final EncounterKinds kinds;

  EncounterMapping(EhrSource source, EhrMappingTables tables) {
    this.references = new SourceReferences(source);
    this.kinds = new EncounterKinds(source, tables);
  }

  Encounter visit(Encounter received) throws EhrRefusal {
    String id = received.getIdElement().getIdPart();
    if (id == null) {
      throw new EhrRefusal("Encounter has no id: later polls could not find it again");
    }
    if (!received.hasStatus()) {
      throw new EhrRefusal("Encounter/" + id + ": status is missing (Encounter.status is required)");
    }
    if (!received.hasClass_()) {
      throw new EhrRefusal("Encounter/" + id + ": class is missing (Encounter.class is required)");
    }
    Encounter visit = new Encounter();
    visit.addIdentifier(references.identifier("Encounter", id));
    for (Identifier identifier : received.getIdentifier()) {
      if (identifier.hasSystem() && identifier.hasValue()) {
        visit.addIdentifier(new Identifier().setType(identifier.getType().copy()).setSystem(identifier.getSystem())
            .setValue(identifier.getValue()));
      }
    }
    visit.setStatus(received.getStatus());
    received.getStatusHistory().forEach(history -> visit.addStatusHistory(history.copy()));
    visit.setClass_(received.getClass_().copy());
    received.getType().forEach(type -> visit.addType(type.copy()));
    boolean hasKind = visit.getType().stream().flatMap(type -> type.getCoding().stream())
        .anyMatch(coding -> EncounterKind.SYSTEM.equals(coding.getSystem()));
    if (!hasKind) {
      kinds.kind(received).ifPresent(visit::addType);
    }
    if (received.hasServiceType()) {
      visit.setServiceType(received.getServiceType().copy());
    }
    if (received.hasPriority()) {
      visit.setPriority(received.getPriority().copy());
    }
    if (received.hasPeriod()) {
      visit.setPeriod(received.getPeriod().copy());
    }
    received.getReasonCode().forEach(reason -> visit.addReasonCode(reason.copy()));
    hospitalization(received.getHospitalization(), visit.getHospitalization());
    for (Encounter.EncounterLocationComponent location : received.getLocation()) {
      Reference where = references.logical(location.getLocation());
      if (where != null) {
        visit.addLocation().setLocation(where).setStatusElement(location.getStatusElement().copy())
            .setPhysicalType(location.getPhysicalType().copy()).setPeriod(location.getPeriod().copy());
      }
    }
    visit.setServiceProvider(references.logical(received.getServiceProvider()));
    if (EncounterKinds.isHospitalization(visit.getClass_()) && visit.getPeriod().hasStart() && visit.hasType()) {
      visit.getMeta().addProfile(Guide.HOSPITALIZATION);
    }
    return visit;
  }

  private void hospitalization(Encounter.EncounterHospitalizationComponent received,
      Encounter.EncounterHospitalizationComponent visit) {
    if (received.hasAdmitSource()) {
      visit.setAdmitSource(received.getAdmitSource().copy());
    }
    if (received.hasReAdmission()) {
      visit.setReAdmission(received.getReAdmission().copy());
    }
    if (received.hasDischargeDisposition()) {
      visit.setDischargeDisposition(received.getDischargeDisposition().copy());
    }
    visit.setOrigin(references.logical(received.getOrigin()));
    visit.setDestination(references.logical(received.getDestination()));
  }
}
