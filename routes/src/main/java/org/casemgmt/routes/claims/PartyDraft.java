package org.casemgmt.routes.claims;

import java.time.LocalDate;

/**
 * A hierarchical level of an 837 being read: the billing provider (2000A), the subscriber (2000B) or the patient
 * (2000C), with what its name loop (2010AA, 2010BA, 2010CA) says and the first fault found in it. Claims under a
 * level with a fault are refused with that fault.
 */
final class PartyDraft {
  final String hlId;
  final X12Segment hl;
  X12Fault fault;
  boolean named;
  int claims;
  String npi;
  String memberId;
  private String familyName;
  private String givenName;
  private String middleName;
  private LocalDate birthDate;
  private String gender;
  private Address address;

  PartyDraft(String hlId, X12Segment hl) {
    this.hlId = hlId;
    this.hl = hl;
  }

  void fault(X12Fault found) {
    if (fault == null) {
      fault = found;
    }
  }

  /** NM1 of a person: NM103 family, NM104 given, NM105 middle name. */
  void name(X12Segment nm1) {
    named = true;
    familyName = blankToNull(nm1.element(3));
    givenName = blankToNull(nm1.element(4));
    middleName = blankToNull(nm1.element(5));
  }

  /** N3: street lines. */
  void street(X12Segment n3) {
    Address old = address;
    address = new Address(blankToNull(n3.element(1)), blankToNull(n3.element(2)),
        old == null ? null : old.city(), old == null ? null : old.state(), old == null ? null : old.postalCode());
  }

  /** N4: city, state and ZIP code; state and ZIP are checked only for US addresses (no N404 country). */
  void city(X12Segment n4) {
    boolean domestic = n4.element(4).isBlank();
    String state = n4.element(2).isBlank() ? null
        : domestic ? ClaimCodes.state(n4.element(2), "N402") : n4.element(2).trim();
    String zip = n4.element(3).isBlank() ? null
        : domestic ? ClaimCodes.postalCode(n4.element(3), "N403") : n4.element(3).trim();
    Address old = address;
    address = new Address(old == null ? null : old.line1(), old == null ? null : old.line2(),
        blankToNull(n4.element(1)), state, zip);
  }

  /** DMG: birth date (D8) and gender. */
  void demographics(X12Segment dmg) {
    if (!dmg.element(2).isBlank()) {
      if (!dmg.element(1).trim().equals("D8")) {
        throw new ClaimProblem("DMG01", "DMG01 '" + dmg.element(1) + "' is not D8: the birth date has no format");
      }
      birthDate = X12Dates.date(dmg.element(2).trim(), "DMG02");
    }
    gender = dmg.element(3).isBlank() ? null : ClaimCodes.gender(dmg.element(3), "DMG03");
  }

  /** The member: the id is always the subscriber's, the rest is this person's. */
  Member member(String subscriberId, boolean dependent) {
    return new Member(subscriberId, familyName, givenName, middleName, birthDate, gender, address, dependent);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
