package org.casemgmt.routes.ehr;

import java.util.List;
import java.util.Objects;

/**
 * How an EHR's FHIR resources become the client record, where sites differ ({@code adapter.ehr.mapping.*} in
 * {@code config/ehr-mapping.yml}). Codings are written {@code system|code}. The Medicaid system and the identifiers
 * never stored are the identity policy every feed shares ({@link org.casemgmt.routes.clientrecord.IdentityPolicy}).
 *
 * @param psychiatricCodes         codings in an Encounter's type or serviceType that make an inpatient stay or
 *                                 emergency visit psychiatric
 * @param icd10CmSystems           other names EHRs give ICD-10-CM (its OID); recorded as
 *                                 {@code http://hl7.org/fhir/sid/icd-10-cm}
 */
public record EhrMappingTables(
    List<String> psychiatricCodes,
    List<String> icd10CmSystems) {

  public EhrMappingTables {
    psychiatricCodes = List.copyOf(Objects.requireNonNullElse(psychiatricCodes, List.of()));
    icd10CmSystems = List.copyOf(Objects.requireNonNullElse(icd10CmSystems, List.of()));
    for (String coding : psychiatricCodes) {
      if (!coding.matches("[^|\\s]+\\|[^|\\s]+")) {
        throw new IllegalArgumentException("adapter.ehr.mapping.psychiatric-codes: '" + coding
            + "' is not system|code");
      }
    }
  }
}
