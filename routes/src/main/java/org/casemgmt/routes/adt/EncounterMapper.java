package org.casemgmt.routes.adt;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * PV1 (and PV2-3) as the visit's Encounter, after HL7's v2-to-FHIR PV1 mapping, with the event deciding status and
 * period. The visit number is the Encounter's identity, so that admit, transfer, update and discharge of one stay
 * land on one Encounter. Whether a stay is psychiatric is site knowledge (the facility's psychiatric services and
 * units in the mapping tables), recorded as the guide's encounter-kind, which the impairment evidence reads.
 *
 * <p>Hospital service (PV1-10), admit source (PV1-14) and discharge disposition (PV1-36) are HL7 user-defined
 * tables (0069, 0023, 0112): their codes are the site's own, and HL7's published v2-0069 and the like list only
 * examples, against which a validator rightly refuses a site's codes. Unless the sender names a coding system, they
 * get the facility's own system, {@code urn:casemgmt:v2:<facility>:hospital-service} and so on.
 */
final class EncounterMapper {
  private final AdtMappingTables tables;
  private final Codes codes;

  EncounterMapper(AdtMappingTables tables, Codes codes) {
    this.tables = tables;
    this.codes = codes;
  }

  /**
   * The Encounter, or null when the message has no visit number and is not about a visit (A08). The stay is known by
   * its visit number (PV1-19); many senders leave that empty and key the stay on the patient account number (PID-18),
   * which is used then; failing both, in a visit event, by the patient's first identifier and the admission time
   * (PV1-44), which the stay's later messages repeat.
   */
  Encounter encounter(AdtEvent event, V2Segment pv1, V2Segment pid, V2Segment pv2, List<V2Segment> dg1s,
      DateTimeType eventTime, Envelope envelope) throws AdtRejection {
    Identifier stay = stay(event, pv1, pid, envelope);
    if (!stay.hasValue()) {
      if (event.isAboutAVisit()) {
        throw pv1.error(Hl7Error.REQUIRED_FIELD_MISSING, 19, "PV1-19 visit number is missing, and so are the PID-18"
            + " account number and the PV1-44 admit date/time: without one the admission, transfers and discharge"
            + " of one stay cannot be matched");
      }
      return null;
    }
    Encounter encounter = new Encounter();
    encounter.addIdentifier(stay);
    Coding encounterClass = switch (event) {
      case A06 -> PatientClass.INPATIENT.copy();
      case A07 -> PatientClass.AMBULATORY.copy();
      default -> PatientClass.of(pv1.get(2));
    };
    encounter.setClass_(encounterClass);
    encounter.setPeriod(period(event, pv1, eventTime, envelope.zone()));
    encounter.setStatus(status(event, encounter.getPeriod()));
    kind(encounterClass, pv1, dg1s, envelope).ifPresent(encounter::addType);
    String site = envelope.senderName();
    add(codes.concept(pv1, 10, 0, LocalSystems.of(site, "hospital-service")), encounter::setServiceType);
    add(codes.concept(pv1, 14, 0, LocalSystems.of(site, "admit-source")),
        encounter.getHospitalization()::setAdmitSource);
    add(codes.concept(pv1, 36, 0, LocalSystems.of(site, "discharge-disposition")),
        encounter.getHospitalization()::setDischargeDisposition);
    add(pv2 == null ? null : codes.concept(pv2, 3, 0, LocalSystems.of(site, "admit-reason")),
        encounter::addReasonCode);
    location(pv1, encounter);
    if (PatientClass.isHospitalization(encounterClass) && encounter.getPeriod().hasStart()) {
      encounter.getMeta().addProfile(Guide.HOSPITALIZATION);
    }
    return encounter;
  }

  private Identifier stay(AdtEvent event, V2Segment pv1, V2Segment pid, Envelope envelope) {
    if (!pv1.get(19).isEmpty()) {
      return IdentifierMapper.identifier(visitNumberSystem(envelope), "VN", pv1.get(19));
    }
    if (!pid.get(18).isEmpty()) {
      return IdentifierMapper.identifier(LocalSystems.of(envelope.senderName(), "account"), "AN", pid.get(18));
    }
    // Not a number the sender gave, so no v2 identifier type: the system says what it is made of. An A08 without a
    // visit or account number updates the client only, as it always has: it may well be about a stay keyed otherwise.
    String admitted = event.isAboutAVisit() ? pv1.get(44) : "";
    String patient = pid.get(3);
    return new Identifier().setSystem(LocalSystems.of(envelope.senderName(), "patient-admission"))
        .setValue(admitted.isEmpty() || patient.isEmpty() ? null : patient + "@" + admitted);
  }

  private String visitNumberSystem(Envelope envelope) {
    return tables.facility(envelope.sendingFacility())
        .map(AdtMappingTables.Facility::visitNumberSystem)
        .filter(system -> system != null && !system.isBlank())
        .orElseGet(() -> LocalSystems.of(envelope.senderName(), "visit"));
  }

  /**
   * PV1-44 admission and PV1-45 discharge. An admit or registration without PV1-44 starts at the event time
   * (EVN-2), a discharge without PV1-45 ends then; a cancelled discharge (A13) has no end whatever PV1-45 says.
   */
  private static Period period(AdtEvent event, V2Segment pv1, DateTimeType eventTime, ZoneId zone)
      throws AdtRejection {
    DateTimeType start = pv1.dateTime(44, "admit date/time", zone);
    DateTimeType end = event == AdtEvent.A13 ? null : pv1.dateTime(45, "discharge date/time", zone);
    if (start == null && (event == AdtEvent.A01 || event == AdtEvent.A04)) {
      start = eventTime;
    }
    if (end == null && event == AdtEvent.A03) {
      end = eventTime;
    }
    if (start == null && event == AdtEvent.A01) {
      throw pv1.error(Hl7Error.REQUIRED_FIELD_MISSING, 44,
          "PV1-44 admit date/time is missing (and there is no EVN-2): an admission needs its start");
    }
    if (end == null && event == AdtEvent.A03) {
      throw pv1.error(Hl7Error.REQUIRED_FIELD_MISSING, 45,
          "PV1-45 discharge date/time is missing (and there is no EVN-2): a discharge needs its end");
    }
    if (start != null && end != null && end.getValue().before(start.getValue())) {
      throw pv1.error(Hl7Error.DATA_TYPE, 45, "PV1-45 discharge date/time '" + pv1.get(45)
          + "' is before the admission '" + start.getValueAsString() + "'");
    }
    Period period = new Period();
    period.setStartElement(start);
    period.setEndElement(end);
    return period;
  }

  private static EncounterStatus status(AdtEvent event, Period period) {
    return switch (event) {
      case A11 -> EncounterStatus.CANCELLED;
      case A03 -> EncounterStatus.FINISHED;
      case A13 -> EncounterStatus.INPROGRESS;
      case A04 -> period.hasEnd() ? EncounterStatus.FINISHED : EncounterStatus.ARRIVED;
      default -> period.hasEnd() ? EncounterStatus.FINISHED : EncounterStatus.INPROGRESS;
    };
  }

  /** The guide's encounter-kind, for stays and emergency visits only: other contacts are not hospitalizations. */
  private Optional<CodeableConcept> kind(Coding encounterClass, V2Segment pv1, List<V2Segment> dg1s,
      Envelope envelope) {
    if (!PatientClass.isHospitalization(encounterClass)) {
      return Optional.empty();
    }
    Optional<AdtMappingTables.Facility> facility = tables.facility(envelope.sendingFacility());
    boolean emergency = PatientClass.isEmergency(encounterClass);
    if (!emergency && facility.map(AdtMappingTables.Facility::statePsychiatricHospital).orElse(false)) {
      return Optional.of(new CodeableConcept().addCoding(EncounterKind.STATE_PSYCHIATRIC_HOSPITAL.coding()));
    }
    String principal = facility.isPresent() ? null : principalIcd10(dg1s);
    boolean psychiatric = facility
        .map(sender -> sender.isPsychiatric(pv1.get(10), pv1.get(3, 0, 1, 1)))
        .orElseGet(() -> principal != null && tables.unknownFacilities().isPsychiatric(principal));
    EncounterKind hospitalization = EncounterKind.hospitalization(psychiatric, emergency);
    String display = hospitalization.display();
    CodeableConcept kind = new CodeableConcept().addCoding(hospitalization.coding());
    if (facility.isEmpty()) {
      // Why: the site tables cannot tell, so the record says what the classification rests on.
      kind.setText(display + ": sending facility " + envelope.senderName() + " is not in the site tables; "
          + (psychiatric ? "classified by its psychiatric principal diagnosis " + principal
              : principal == null ? "no ICD-10-CM principal diagnosis to classify it by"
              : "its principal diagnosis " + principal + " is not one of the psychiatric ones"));
    }
    return Optional.of(kind);
  }

  /** The ICD-10-CM code of the principal diagnosis: the DG1 with priority (DG1-15) 1, else the first coded one. */
  private String principalIcd10(List<V2Segment> dg1s) {
    V2Segment principal = dg1s.stream().filter(dg1 -> "1".equals(dg1.get(15))).findFirst()
        .orElse(dg1s.stream().filter(dg1 -> !dg1.get(3, 0, 1, 1).isEmpty()).findFirst().orElse(null));
    if (principal == null) {
      return null;
    }
    String systemName = principal.get(3, 0, 3, 1).isEmpty() ? principal.get(2) : principal.get(3, 0, 3, 1);
    String system = systemName.isEmpty() ? "" : codes.system(systemName);
    return Guide.ICD_10_CM.equals(system)
        ? DiagnosisMapper.normalised(system, principal.get(3, 0, 1, 1)) : null;
  }

  /** PV1-3 point of care, room and bed, as a display-only Location reference (there is no Location to link). */
  private static void location(V2Segment pv1, Encounter encounter) {
    String display = Stream.of(pv1.get(3, 0, 1, 1), pv1.get(3, 0, 2, 1), pv1.get(3, 0, 3, 1))
        .filter(part -> !part.isEmpty())
        .collect(Collectors.joining(" / "));
    if (display.isEmpty()) {
      return;
    }
    Encounter.EncounterLocationStatus status = switch (encounter.getStatus()) {
      case FINISHED, CANCELLED -> Encounter.EncounterLocationStatus.COMPLETED;
      case PLANNED -> Encounter.EncounterLocationStatus.PLANNED;
      default -> Encounter.EncounterLocationStatus.ACTIVE;
    };
    encounter.addLocation().setLocation(new Reference().setDisplay(display)).setStatus(status);
  }

  private static <T> void add(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
