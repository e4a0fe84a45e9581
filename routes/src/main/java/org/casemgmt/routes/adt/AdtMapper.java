package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * The body of a supported ADT message as FHIR: the patient from PID, the visit from PV1/PV2 and its diagnoses from
 * DG1, or for a merge (A40) the surviving patient and the identifiers merged into it. Refuses (AE) what would leave
 * the record wrong or unmatched: no PID, no usable identifier, dates that are not dates, a merge without MRG. An A40
 * may carry several merges (PID/MRG groups).
 */
final class AdtMapper {
  private final PatientMapper patients;
  private final IdentifierMapper identifiers;
  private final EncounterMapper encounters;
  private final DiagnosisMapper diagnoses;

  AdtMapper(AdtMappingTables tables, IdentityPolicy identity) {
    Codes codes = new Codes(tables);
    identifiers = new IdentifierMapper(tables, identity);
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
      List<AdtMessage.Merge> merges = merges(pids, message, envelope);
      return new AdtMessage(raw, envelope.header(), event.name(), merges.get(0).survivor(), merges, null,
          List.of(), Set.of());
    }
    V2Segment pv1 = message.first("PV1");
    if (pv1 == null && event.isAboutAVisit()) {
      // PV1 is required in the structures of these events; acknowledging without it would lose the visit.
      throw AdtRejection.error(Hl7Error.SEGMENT_SEQUENCE, "PV1", 0,
          "PV1 segment is missing or empty: ADT^" + event + " is about a visit, which PV1 describes");
    }
    Encounter encounter = pv1 == null ? null
        : encounters.encounter(event, pv1, pids.get(0), message.first("PV2"), message.all("DG1"), eventTime,
            envelope);
    List<Condition> conditions = encounter == null ? List.of()
        : diagnoses.diagnoses(message.all("DG1"), encounter.getIdentifierFirstRep().getValue(), envelope);
    return new AdtMessage(raw, envelope.header(), event.name(), patient, List.of(), encounter, conditions,
        PatientMapper.cleared(pids.get(0)));
  }

  /**
   * Each PID/MRG group of an A40 (the A39 structure repeats them: several merges in one message). The n-th MRG
   * belongs to the n-th PID; groups naming the same surviving patient are taken together.
   */
  private List<AdtMessage.Merge> merges(List<V2Segment> pids, V2Message message, Envelope envelope)
      throws AdtRejection {
    List<V2Segment> mrgs = message.all("MRG");
    if (mrgs.isEmpty()) {
      throw AdtRejection.error(Hl7Error.SEGMENT_SEQUENCE, "MRG", 0,
          "MRG segment is missing: an A40 merge needs the identifiers of the record to merge");
    }
    if (mrgs.size() != pids.size()) {
      throw AdtRejection.error(Hl7Error.SEGMENT_SEQUENCE, "MRG", 0, "An A40 has " + pids.size() + " PID and "
          + mrgs.size() + " MRG segments: each merge is a PID followed by its MRG");
    }
    Map<Set<String>, AdtMessage.Merge> bySurvivor = new LinkedHashMap<>();
    for (int i = 0; i < pids.size(); i++) {
      Patient survivor = patients.patient(pids.get(i), envelope);
      Set<String> survivorKeys = keys(survivor.getIdentifier());
      AdtMessage.Merge earlier = bySurvivor.get(survivorKeys);
      List<Identifier> merged = new ArrayList<>(earlier == null ? List.of() : earlier.mergedIdentifiers());
      Set<String> seen = new HashSet<>(survivorKeys);
      seen.addAll(keys(merged));
      for (Identifier identifier : identifiers.identifiers(mrgs.get(i), 1, envelope)) {
        if (seen.add(key(identifier))) {
          merged.add(identifier);
        }
      }
      if (merged.isEmpty()) {
        throw mrgs.get(i).error(Hl7Error.REQUIRED_FIELD_MISSING, 1,
            "MRG-1 prior patient identifier list holds no identifier other than the surviving patient's");
      }
      bySurvivor.put(survivorKeys, new AdtMessage.Merge(earlier == null ? survivor : earlier.survivor(), merged));
    }
    return List.copyOf(bySurvivor.values());
  }

  private static Set<String> keys(List<Identifier> identifiers) {
    return identifiers.stream().map(AdtMapper::key).collect(Collectors.toSet());
  }

  private static String key(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }
}
