package org.casemgmt.routes.ehr;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * An EHR's Condition (problem-list item, encounter diagnosis) as a clinician's diagnosis on the record, identified by
 * {@code <base>/Condition|<id>}. ICD-10-CM codes are recorded under FHIR's own system in their dotted form (F20.9),
 * whatever OID or spelling the EHR used, since the SMI value sets compare codes as text. The diagnosis profile is
 * claimed when the Condition meets it (an ICD-10-CM code; every category encounter-diagnosis or problem-list-item).
 * The Encounter it names is kept as a logical reference, which the recorder points at the stored visit. Notes,
 * recorder, asserter and evidence stay in the EHR.
 */
final class ConditionMapping {
  private static final Set<String> DIAGNOSIS_CATEGORIES = Set.of("encounter-diagnosis", "problem-list-item");

  private final EhrMappingTables tables;
  private final SourceReferences references;

  ConditionMapping(EhrSource source, EhrMappingTables tables) {
    this.tables = tables;
    this.references = new SourceReferences(source);
  }

  Condition diagnosis(Condition received) throws EhrRefusal {
    String id = received.getIdElement().getIdPart();
    if (id == null) {
      throw new EhrRefusal("Condition has no id: later polls could not find it again");
    }
    Condition diagnosis = new Condition();
    diagnosis.addIdentifier(references.identifier("Condition", id));
    for (Identifier identifier : received.getIdentifier()) {
      if (identifier.hasSystem() && identifier.hasValue()) {
        diagnosis.addIdentifier(new Identifier().setSystem(identifier.getSystem()).setValue(identifier.getValue()));
      }
    }
    if (received.hasClinicalStatus()) {
      diagnosis.setClinicalStatus(received.getClinicalStatus().copy());
    }
    if (received.hasVerificationStatus()) {
      diagnosis.setVerificationStatus(received.getVerificationStatus().copy());
    }
    received.getCategory().forEach(category -> diagnosis.addCategory(category.copy()));
    if (received.hasSeverity()) {
      diagnosis.setSeverity(received.getSeverity().copy());
    }
    if (received.hasCode()) {
      diagnosis.setCode(code(received.getCode()));
    }
    received.getBodySite().forEach(site -> diagnosis.addBodySite(site.copy()));
    String encounter = references.idOf(received.getEncounter(), "Encounter");
    if (encounter != null) {
      diagnosis.setEncounter(new Reference().setType("Encounter")
          .setIdentifier(references.identifier("Encounter", encounter)));
    }
    if (received.hasOnset()) {
      diagnosis.setOnset(received.getOnset().copy());
    }
    if (received.hasAbatement()) {
      diagnosis.setAbatement(received.getAbatement().copy());
    }
    if (received.hasRecordedDate()) {
      diagnosis.setRecordedDateElement(received.getRecordedDateElement().copy());
    }
    if (meetsDiagnosisProfile(diagnosis)) {
      diagnosis.getMeta().addProfile(Guide.DIAGNOSIS);
    }
    return diagnosis;
  }

  private CodeableConcept code(CodeableConcept received) {
    CodeableConcept code = received.copy();
    code.setExtension(null);
    for (Coding coding : code.getCoding()) {
      if (coding.hasCode() && (Guide.ICD_10_CM.equals(coding.getSystem())
          || tables.icd10CmSystems().contains(coding.getSystem()))) {
        coding.setSystem(Guide.ICD_10_CM).setCode(dotted(coding.getCode())).setVersion(null);
      }
    }
    return code;
  }

  /** F209 and f20.9 as F20.9: the category is the first three characters. */
  static String dotted(String code) {
    String plain = code.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    return plain.contains(".") || plain.length() <= 3 ? plain : plain.substring(0, 3) + "." + plain.substring(3);
  }

  private static boolean meetsDiagnosisProfile(Condition diagnosis) {
    List<CodeableConcept> categories = diagnosis.getCategory();
    return diagnosis.getCode().getCoding().stream().anyMatch(coding -> Guide.ICD_10_CM.equals(coding.getSystem()))
        && !categories.isEmpty()
        && categories.stream().allMatch(category -> category.getCoding().stream().anyMatch(coding ->
            Guide.CONDITION_CATEGORY.equals(coding.getSystem()) && DIAGNOSIS_CATEGORIES.contains(coding.getCode())));
  }
}
