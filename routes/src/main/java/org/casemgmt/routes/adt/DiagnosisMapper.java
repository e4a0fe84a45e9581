package org.casemgmt.routes.adt;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;

/**
 * DG1 segments as encounter diagnoses. Each gets an identifier made of the visit number, code system and code, so a
 * re-sent or updated message (A08 after A01) finds the same Condition instead of adding another. ICD codes come
 * without the dot from many senders (F200); FHIR's ICD systems use the dotted form (F20.0), and the SMI value sets
 * compare codes as text, so codes are normalised. Only a Condition with an ICD-10-CM code claims the guide's
 * diagnosis profile, which requires one.
 */
final class DiagnosisMapper {
  private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
  private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  private final Codes codes;

  DiagnosisMapper(Codes codes) {
    this.codes = codes;
  }

  /** One Condition per coded DG1 of the visit; a DG1 without a code is left out, and a repeated one kept once. */
  List<Condition> diagnoses(List<V2Segment> dg1s, String visitNumber, Envelope envelope) throws AdtRejection {
    Map<String, Condition> byIdentity = new LinkedHashMap<>();
    for (V2Segment dg1 : dg1s) {
      Condition condition = diagnosis(dg1, visitNumber, envelope.senderName(), envelope.zone());
      if (condition != null) {
        byIdentity.putIfAbsent(condition.getIdentifierFirstRep().getValue(), condition);
      }
    }
    return new ArrayList<>(byIdentity.values());
  }

  private Condition diagnosis(V2Segment dg1, String visitNumber, String facility, ZoneId zone)
      throws AdtRejection {
    String rawCode = dg1.get(3, 0, 1, 1);
    if (rawCode.isEmpty()) {
      return null;
    }
    String systemName = dg1.get(3, 0, 3, 1).isEmpty() ? dg1.get(2) : dg1.get(3, 0, 3, 1);
    String system = systemName.isEmpty() ? LocalSystems.codingSystem("") : codes.system(systemName);
    String code = normalised(system, rawCode);
    String display = dg1.get(3, 0, 2, 1).isEmpty() ? dg1.get(4) : dg1.get(3, 0, 2, 1);

    Condition condition = new Condition();
    condition.addIdentifier(new Identifier()
        .setSystem(LocalSystems.of(facility, "diagnosis"))
        .setValue(visitNumber + "|" + system + "|" + code));
    condition.setClinicalStatus(concept(CLINICAL, "active", "Active"));
    String verification = verification(dg1.get(6));
    if (verification != null) {
      condition.setVerificationStatus(concept(VERIFICATION, verification, null));
    }
    condition.addCategory(concept(CATEGORY, "encounter-diagnosis", "Encounter Diagnosis"));
    CodeableConcept concept = new CodeableConcept().addCoding(new Coding(system, code, display.isEmpty() ? null : display));
    condition.setCode(display.isEmpty() ? concept : concept.setText(display));
    condition.setRecordedDateElement(dg1.dateTime(5, "diagnosis date/time", zone));
    if (Guide.ICD_10_CM.equals(system)) {
      condition.getMeta().addProfile(Guide.DIAGNOSIS);
    }
    return condition;
  }

  /** DG1-6 (table 0052): admitting and working diagnoses are provisional, final ones confirmed. */
  private static String verification(String diagnosisType) {
    return switch (diagnosisType.toUpperCase(Locale.ROOT)) {
      case "A", "W" -> "provisional";
      case "F" -> "confirmed";
      default -> null;
    };
  }

  /** ICD-10-CM and ICD-9-CM codes in upper case with the dot where the classification puts it. */
  static String normalised(String system, String code) {
    String plain = code.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    if (plain.contains(".")) {
      return plain;
    }
    if (Guide.ICD_10_CM.equals(system) && plain.length() > 3) {
      return plain.substring(0, 3) + "." + plain.substring(3);
    }
    if (Guide.ICD_9_CM.equals(system)) {
      int categoryLength = plain.startsWith("E") ? 4 : 3;
      return plain.length() > categoryLength
          ? plain.substring(0, categoryLength) + "." + plain.substring(categoryLength) : plain;
    }
    return code.trim();
  }

  private static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept().addCoding(new Coding(system, code, display));
  }
}
