package org.casemgmt.routes.ehr;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How an EHR's FHIR resources become the client record, where sites differ ({@code adapter.ehr.mapping.*} in
 * {@code config/ehr-mapping.yml}). Codings are written {@code system|code}.
 *
 * @param psychiatricCodes         codings in an Encounter's type or serviceType that make an inpatient stay or
 *                                 emergency visit psychiatric
 * @param icd10CmSystems           other names EHRs give ICD-10-CM (its OID); recorded as
 *                                 {@code http://hl7.org/fhir/sid/icd-10-cm}
 * @param medicaidSystem           the identifier system of Medicaid member IDs (typed MB on the client)
 * @param ignoredIdentifierTypes   v2-0203 identifier types never copied into the record (data minimisation)
 * @param ignoredIdentifierSystems identifier systems never copied into the record (social security numbers)
 */
public record EhrMappingTables(
    List<String> psychiatricCodes,
    List<String> icd10CmSystems,
    String medicaidSystem,
    List<String> ignoredIdentifierTypes,
    List<String> ignoredIdentifierSystems) {

  public EhrMappingTables {
    psychiatricCodes = List.copyOf(Objects.requireNonNullElse(psychiatricCodes, List.of()));
    icd10CmSystems = List.copyOf(Objects.requireNonNullElse(icd10CmSystems, List.of()));
    medicaidSystem = medicaidSystem == null || medicaidSystem.isBlank() ? null : medicaidSystem.trim();
    ignoredIdentifierTypes = Objects.requireNonNullElse(ignoredIdentifierTypes, List.<String>of()).stream()
        .map(type -> type.trim().toUpperCase(Locale.ROOT)).toList();
    ignoredIdentifierSystems = List.copyOf(Objects.requireNonNullElse(ignoredIdentifierSystems, List.of()));
    for (String coding : psychiatricCodes) {
      if (!coding.matches("[^|\\s]+\\|[^|\\s]+")) {
        throw new IllegalArgumentException("adapter.ehr.mapping.psychiatric-codes: '" + coding
            + "' is not system|code");
      }
    }
  }
}
