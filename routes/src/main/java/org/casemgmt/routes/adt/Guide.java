package org.casemgmt.routes.adt;

/**
 * The canonical URLs of this project's implementation guide (fhir-profiles) that the ADT mapping writes. They are
 * repeated here rather than read from the package: routes must not need the validator on its classpath.
 */
final class Guide {
  static final String CLIENT = "https://fhir.casemgmt-adapter.org/StructureDefinition/client";
  static final String HOSPITALIZATION = "https://fhir.casemgmt-adapter.org/StructureDefinition/hospitalization";
  static final String DIAGNOSIS = "https://fhir.casemgmt-adapter.org/StructureDefinition/diagnosis";

  static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String ICD_9_CM = "http://hl7.org/fhir/sid/icd-9-cm";

  private Guide() {
  }
}
