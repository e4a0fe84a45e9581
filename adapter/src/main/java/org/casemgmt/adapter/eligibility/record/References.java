package org.casemgmt.adapter.eligibility.record;

import org.hl7.fhir.r4.model.Resource;

/** The reference a fact carries back to the record it came from. */
final class References {

  private References() {
  }

  /** "Encounter/12": type and id, no server base and no version (the fact stands for the resource). */
  static String of(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }
}
