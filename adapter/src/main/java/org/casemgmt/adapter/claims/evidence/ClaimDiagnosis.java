package org.casemgmt.adapter.claims.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One diagnosis code as the member's claims carry it, in any role (principal, admitting, other...). A code is
 * identified by code system and code: ICD-9-CM and ICD-10-CM codes with the same text are different diagnoses.
 *
 * @param code          as on the claim, with its dot ({@code F20.9})
 * @param system        the FHIR code system URL ({@code http://hl7.org/fhir/sid/icd-10-cm})
 * @param firstService  first day of service (claim from date) of the earliest claim carrying it
 * @param lastService   last day of service (claim through date) of the latest one
 * @param claimCount    how many distinct claims carried it
 * @param deniedOnly    every one of those claims was denied
 * @param claimIds      those claims, sorted, without duplicates
 */
public record ClaimDiagnosis(String code, String system, LocalDate firstService, LocalDate lastService,
    int claimCount, boolean deniedOnly, List<String> claimIds) {

  public ClaimDiagnosis {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(firstService, "firstService");
    Objects.requireNonNull(lastService, "lastService");
    claimIds = List.copyOf(new TreeSet<>(claimIds));
  }
}
