package org.casemgmt.adapter.adt;

import java.util.Date;
import java.util.Set;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Period;

/**
 * How one ADT event changes the stored Encounter of its visit. Messages arrive late, twice and out of order, so each
 * status change is recorded in {@code statusHistory} with the time of its event, and an event older than the latest
 * change only fills in what is missing: a discharge that arrived before its admission stays a discharge.
 */
final class VisitUpdate {
  /** Events that undo another: cancel admit, cancel discharge. */
  private static final String CANCEL_ADMIT = "A11";
  private static final String CANCEL_DISCHARGE = "A13";
  static final String HOSPITALIZATION = ImplementationGuide.CANONICAL + "/StructureDefinition/hospitalization";
  private static final Set<String> HOSPITALIZATION_CLASSES = Set.of("IMP", "EMER", "ACUTE", "NONAC", "OBSENC");

  private VisitUpdate() {
  }

  /**
   * The Encounter to store.
   *
   * @param stored the visit's Encounter as stored, or null when this is its first message
   * @param incoming the Encounter as the message describes it
   * @param event the trigger event (A01, A03...)
   * @param eventTime when the event happened (EVN-2, else MSH-7)
   */
  static Encounter apply(Encounter stored, Encounter incoming, String event, Date eventTime) {
    if (stored == null) {
      Encounter first = incoming.copy();
      first.addStatusHistory().setStatus(first.getStatus()).setPeriod(new Period().setStart(eventTime));
      return profiled(first);
    }
    Encounter result = stored.copy();
    Date latest = latestChange(stored);
    boolean newer = latest == null || !eventTime.before(latest);
    Encounter over = newer ? incoming : stored;
    Encounter under = newer ? stored : incoming;

    result.setClass_(over.hasClass_() ? over.getClass_() : under.getClass_());
    result.setType(over.hasType() ? over.getType() : under.getType());
    result.setServiceType(over.hasServiceType() ? over.getServiceType() : under.getServiceType());
    result.setLocation(over.hasLocation() ? over.getLocation() : under.getLocation());
    result.setHospitalization(over.hasHospitalization() ? over.getHospitalization() : under.getHospitalization());
    result.getPeriod().setStartElement(over.getPeriod().hasStart()
        ? over.getPeriod().getStartElement() : under.getPeriod().getStartElement());
    result.getPeriod().setEndElement(over.getPeriod().hasEnd()
        ? over.getPeriod().getEndElement() : under.getPeriod().getEndElement());
    incoming.getIdentifier().stream()
        .filter(id -> result.getIdentifier().stream().noneMatch(known -> known.equalsDeep(id)))
        .forEach(result::addIdentifier);

    if (newer) {
      result.setStatus(incoming.getStatus());
      if (CANCEL_DISCHARGE.equals(event)) {
        result.getPeriod().setEnd(null);
        result.getHospitalization().setDischargeDisposition(null);
      }
      if (incoming.getStatus() != stored.getStatus()) {
        result.addStatusHistory().setStatus(incoming.getStatus()).setPeriod(new Period().setStart(eventTime));
      }
    } else if (CANCEL_ADMIT.equals(event) || incoming.getStatus() == EncounterStatus.CANCELLED) {
      // A cancellation is final whenever it arrives: the admission it undoes did not happen.
      result.setStatus(EncounterStatus.CANCELLED);
    }
    return profiled(result);
  }

  private static Date latestChange(Encounter encounter) {
    return encounter.getStatusHistory().stream()
        .map(history -> history.getPeriod().getStart())
        .filter(start -> start != null)
        .max(Date::compareTo).orElse(null);
  }

  /** Claims the hospitalization profile exactly when the visit is one (an A07 can make it outpatient). */
  private static Encounter profiled(Encounter encounter) {
    encounter.getMeta().getProfile().removeIf(p -> HOSPITALIZATION.equals(p.getValue()));
    if (HOSPITALIZATION_CLASSES.contains(encounter.getClass_().getCode()) && encounter.getPeriod().hasStart()
        && encounter.hasType()) {
      encounter.getMeta().addProfile(HOSPITALIZATION);
    }
    return encounter;
  }
}
