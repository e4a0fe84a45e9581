package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * The body of a supported ADT message as FHIR: the patient from PID, the visit from PV1/PV2 and its diagnoses from
 * DG1, or for a merge (A40) the surviving patient and the identifiers merged into it. Refuses (AE) what would leave
 * the record wrong or unmatched: no PID, no usable identifier, dates that are not dates, a merge without MRG.
 */
final class AdtMapper {
  private final PatientMapper patients;
  private final IdentifierMapper identifiers;
  private final EncounterMapper encounters;
  private final DiagnosisMapper diagnoses;

  AdtMapper(AdtMappingTables tables) {
    Codes codes = new Codes(tables);
    identifiers = new IdentifierMapper(tables);
    patients = new PatientMapper(identifiers);
    encounters = new EncounterMapper(tables, codes);
    diagnoses = new DiagnosisMapper(codes);
  }

  AdtMessage map(String raw, Envelope envelope, AdtEvent event, V2Message message) throws AdtRejection {
    V2Segment evn = message.first("EVN");
    DateTimeType eventTime = evn == null ? null : evn.dateTime(2, "recorded date/time", envelope.zone());
    List<V2Segment> pids = message.all("PID");
    if (pids.isEmpty()) {
      throw AdtRejection.error(Hl7Error.SEGMENT_SEQUENCE, "PID", 0,
          "PID segment is missing: ADT^" + event + " is about a patient");
    }
    Patient patient = patients.patient(pids.get(0), envelope);
    if (event == AdtEvent.A40) {
      return new AdtMessage(raw, envelope.header(), event.name(), patient, merged(pids, message, envelope), null,
          List.of());
    }
    V2Segment pv1 = message.first("PV1");
    Encounter encounter = pv1 == null ? null
        : encounters.encounter(event, pv1, message.first("PV2"), eventTime, envelope);
    List<Condition> conditions = encounter == null ? List.of()
        : diagnoses.diagnoses(message.all("DG1"), encounter.getIdentifierFirstRep().getValue(), envelope);
    return new AdtMessage(raw, envelope.header(), event.name(), patient, List.of(), encounter, conditions);
  }

  /**
   * MRG-1 of every merge in the message. An A40 may list several PID/MRG pairs; they are taken together only when
   * every PID names the same surviving patient, since one AdtMessage has one patient.
   */
  private List<Identifier> merged(List<V2Segment> pids, V2Message message, Envelope envelope) throws AdtRejection {
    List<V2Segment> mrgs = message.all("MRG");
    if (mrgs.isEmpty()) {
      throw AdtRejection.error(Hl7Error.SEGMENT_SEQUENCE, "MRG", 0,
          "MRG segment is missing: an A40 merge needs the identifiers of the record to merge");
    }
    Set<String> survivor = keys(identifiers.identifiers(pids.get(0), 3, envelope));
    for (V2Segment pid : pids.subList(1, pids.size())) {
      if (!survivor.equals(keys(identifiers.identifiers(pid, 3, envelope)))) {
        throw pid.error(Hl7Error.SEGMENT_SEQUENCE, 3, "A40 merges into " + pids.size() + " different patients (PID "
            + pid.occurrence() + " differs from PID 1): send one A40 per surviving patient");
      }
    }
    List<Identifier> merged = new ArrayList<>();
    Set<String> seen = new HashSet<>(survivor);
    for (V2Segment mrg : mrgs) {
      for (Identifier identifier : identifiers.identifiers(mrg, 1, envelope)) {
        if (seen.add(key(identifier))) {
          merged.add(identifier);
        }
      }
    }
    if (merged.isEmpty()) {
      throw mrgs.get(0).error(Hl7Error.REQUIRED_FIELD_MISSING, 1,
          "MRG-1 prior patient identifier list holds no identifier other than the surviving patient's");
    }
    return merged;
  }

  private static Set<String> keys(List<Identifier> identifiers) {
    return identifiers.stream().map(AdtMapper::key).collect(Collectors.toSet());
  }

  private static String key(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }
}
