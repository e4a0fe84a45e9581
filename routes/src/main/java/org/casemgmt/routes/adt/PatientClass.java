package org.casemgmt.routes.adt;

import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;

/**
 * PV1-2 patient class as Encounter.class, after HL7's v2-to-FHIR PatientClass ConceptMap: E, I, O and P have v3
 * ActCode equivalents; R, B, C, N, U and site codes have none and stay v2-0004 codes. This is HL7's map, the same
 * at every site, so it is code, not configuration.
 */
final class PatientClass {
  private static final Map<String, Coding> ACT_CODES = Map.of(
      "E", new Coding(Guide.ACT_CODE, "EMER", "emergency"),
      "I", new Coding(Guide.ACT_CODE, "IMP", "inpatient encounter"),
      "O", new Coding(Guide.ACT_CODE, "AMB", "ambulatory"),
      "P", new Coding(Guide.ACT_CODE, "PRENC", "pre-admission"));

  /** The classes of the guide's hospitalization-class value set: stays and emergency visits. */
  static final Set<String> HOSPITALIZATION = Set.of("IMP", "EMER", "ACUTE", "NONAC", "OBSENC");

  static final Coding INPATIENT = ACT_CODES.get("I");
  static final Coding AMBULATORY = ACT_CODES.get("O");

  private PatientClass() {
  }

  /** The class for a PV1-2 value; UNK (v3 NullFlavor) when PV1-2 is empty, since Encounter.class is required. */
  static Coding of(String patientClass) {
    if (patientClass.isEmpty()) {
      return new Coding("http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "UNK", "unknown");
    }
    Coding actCode = ACT_CODES.get(patientClass.toUpperCase(java.util.Locale.ROOT));
    return actCode != null ? actCode.copy() : new Coding(Codes.hl7Table("0004"), patientClass, null);
  }

  static boolean isHospitalization(Coding encounterClass) {
    return Guide.ACT_CODE.equals(encounterClass.getSystem()) && HOSPITALIZATION.contains(encounterClass.getCode());
  }

  static boolean isEmergency(Coding encounterClass) {
    return Guide.ACT_CODE.equals(encounterClass.getSystem()) && "EMER".equals(encounterClass.getCode());
  }
}
