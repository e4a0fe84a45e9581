package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;

/**
 * A made-up Medicaid member: the subscriber (and patient) of every claim written for them, and the facts the
 * scenarios are chosen from. Names are common US names picked at random; no real person is meant.
 *
 * @param index              position in the population, 0-based; claim ids carry it
 * @param id                 Medicaid member id, {@code MCD} and nine digits
 * @param gender             F or M (837 DMG03)
 * @param psychiatric        whether the member has a psychiatric history (and so psychiatric episodes)
 * @param housingInstability whether the member's claims may carry Z59.00 (homelessness, unspecified)
 * @param smiDiagnosis       the serious mental illness behind the episodes (ICD-10-CM with dot); null when none
 */
public record SyntheticMember(
    int index,
    String id,
    String familyName,
    String givenName,
    String middleInitial,
    LocalDate birthDate,
    String gender,
    String street,
    IllinoisPlace place,
    boolean psychiatric,
    boolean housingInstability,
    String smiDiagnosis) {
}
