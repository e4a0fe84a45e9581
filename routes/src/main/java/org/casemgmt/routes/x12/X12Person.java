package org.casemgmt.routes.x12;

import java.time.LocalDate;
import org.casemgmt.routes.files.BadValue;

/**
 * A person as an X12 name loop describes them: NM1 name, N3/N4 address, DMG birth date and gender (837 2010BA/CA,
 * 834 2100A). Filled segment by segment while the loop is read; what was not sent stays null. Everything here is PHI.
 */
public final class X12Person {
  private String familyName;
  private String givenName;
  private String middleName;
  private LocalDate birthDate;
  private String gender;
  private String line1;
  private String line2;
  private String city;
  private String state;
  private String postalCode;
  private String countryCode;
  private String locationQualifier;
  private String location;

  /** NM1 of a person: NM103 family, NM104 given, NM105 middle name. */
  public void name(X12Segment nm1) {
    familyName = blankToNull(nm1.element(3));
    givenName = blankToNull(nm1.element(4));
    middleName = blankToNull(nm1.element(5));
  }

  /** N3: street lines. */
  public void street(X12Segment n3) {
    line1 = blankToNull(n3.element(1));
    line2 = blankToNull(n3.element(2));
  }

  /**
   * N4: city, state and ZIP code, checked only for US addresses (no N404 country); N405/N406 a location such as the
   * county (qualifier CY).
   */
  public void city(X12Segment n4) {
    boolean domestic = n4.element(4).isBlank();
    state = n4.element(2).isBlank() ? null
        : domestic ? X12Codes.state(n4.element(2), "N402") : n4.element(2).trim();
    postalCode = n4.element(3).isBlank() ? null
        : domestic ? X12Codes.postalCode(n4.element(3), "N403") : n4.element(3).trim();
    city = blankToNull(n4.element(1));
    countryCode = blankToNull(n4.element(4));
    locationQualifier = blankToNull(n4.element(5));
    location = blankToNull(n4.element(6));
  }

  /** DMG: birth date (D8) and gender. */
  public void demographics(X12Segment dmg) {
    if (!dmg.element(2).isBlank()) {
      if (!dmg.element(1).trim().equals("D8")) {
        throw new BadValue("DMG01", "DMG01 '" + dmg.element(1) + "' is not D8: the birth date has no format");
      }
      birthDate = X12Dates.date(dmg.element(2).trim(), "DMG02");
    }
    gender = dmg.element(3).isBlank() ? null : X12Codes.gender(dmg.element(3), "DMG03");
  }

  public String familyName() {
    return familyName;
  }

  public String givenName() {
    return givenName;
  }

  public String middleName() {
    return middleName;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** DMG03: F, M or U; null when not sent. */
  public String gender() {
    return gender;
  }

  public String line1() {
    return line1;
  }

  public String line2() {
    return line2;
  }

  public String city() {
    return city;
  }

  public String state() {
    return state;
  }

  /** Five or nine digits. */
  public String postalCode() {
    return postalCode;
  }

  /** N404, null for a US address. */
  public String countryCode() {
    return countryCode;
  }

  /** N405: what {@link #location()} is, e.g. CY county. */
  public String locationQualifier() {
    return locationQualifier;
  }

  /** N406. */
  public String location() {
    return location;
  }

  /** Whether N3 or N4 was sent. */
  public boolean hasAddress() {
    return line1 != null || city != null || state != null || postalCode != null;
  }

  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
