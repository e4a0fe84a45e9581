package org.casemgmt.routes.ehr;

/**
 * The canonical URLs of this project's implementation guide (fhir-profiles) that the EHR mapping writes, and the
 * standard systems it reads. Repeated here rather than read from the package: routes must not need the validator on
 * its classpath.
 */
final class Guide {
  static final String CLIENT = "https://fhir.casemgmt-adapter.org/StructureDefinition/client";
  static final String HOSPITALIZATION = "https://fhir.casemgmt-adapter.org/StructureDefinition/hospitalization";
  static final String DIAGNOSIS = "https://fhir.casemgmt-adapter.org/StructureDefinition/diagnosis";

  static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

  private Guide() {
  }
}
