package org.casemgmt.routes.claims;

import java.time.LocalDate;

/**
 * The person a claim is for, as far as the claim says. The id is the Medicaid member id (837 subscriber NM109 in
 * loop 2010BA); the name, birth date, gender and address come from the patient loop 2010CA when there is one, else
 * from 2010BA. Medicaid members are their own subscribers, so {@link #dependent()} is normally false; when it is true,
 * the id is the subscriber's and the demographics are the patient's, and identity matching should not take the id
 * alone for the patient's.
 *
 * <p>Everything here is PHI: never log it.
 *
 * @param gender X12 DMG03: F, M or U; null when not sent
 */
public record Member(
    String id,
    String familyName,
    String givenName,
    String middleName,
    LocalDate birthDate,
    String gender,
    Address address,
    boolean dependent) {

  /** A member known only by id, as in the CSV extract. */
  public static Member ofId(String id) {
    return new Member(id, null, null, null, null, null, null, false);
  }
}
