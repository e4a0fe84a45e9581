package org.casemgmt.routes.enrollment.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * One member's loop of a test 834 (INS to the last coverage), built field by field: by default a Medicaid member who
 * is her own subscriber, added (021) with health coverage (HLT) from 1 January 2025, living in Springfield, Sangamon
 * county, Illinois. Tests change what they are about and leave the rest.
 */
public final class Member834 {
  private final String memberId;
  private String indicator = "Y";
  private String relationship = "18";
  private String maintenance = "021";
  private String reason = "28";
  private String effective;
  private String eligibilityEnd;
  private String family = "RIVERA";
  private String given = "DANA";
  private String middle = "M";
  private String line1 = "12 ELM ST";
  private String line2;
  private String city = "SPRINGFIELD";
  private String state = "IL";
  private String zip = "62704";
  private String county = "SANGAMON";
  private boolean address = true;
  private String birthDate = "19860412";
  private String gender = "F";
  private final List<String[]> coverages = new ArrayList<>();
  private final List<String> memberDates = new ArrayList<>();
  private String incorrectName;

  private Member834(String memberId) {
    this.memberId = memberId;
  }

  /** Added (INS03 021, INS04 28 initial enrollment) with HLT coverage from 2025-01-01. */
  public static Member834 added(String memberId) {
    return new Member834(memberId).coverage("021", "HLT", "20250101", null);
  }

  /** A member record without coverage loops: INS03 as given. */
  public static Member834 maintained(String memberId, String maintenance) {
    return new Member834(memberId).maintenance(maintenance, null);
  }

  /** INS03 and INS04 (maintenance reason, null to leave out). */
  public Member834 maintenance(String type, String maintenanceReason) {
    this.maintenance = type;
    this.reason = maintenanceReason;
    return this;
  }

  /** INS01 N, INS02 the relationship (19 child, 01 spouse). */
  public Member834 dependent(String relationshipCode) {
    this.indicator = "N";
    this.relationship = relationshipCode;
    return this;
  }

  /** DTP*303 maintenance effective, CCYYMMDD. */
  public Member834 effective(String date) {
    this.effective = date;
    return this;
  }

  /** DTP*357 eligibility end, CCYYMMDD. */
  public Member834 eligibilityEnd(String date) {
    this.eligibilityEnd = date;
    return this;
  }

  public Member834 name(String familyName, String givenName, String middleName) {
    this.family = familyName;
    this.given = givenName;
    this.middle = middleName;
    return this;
  }

  /** N3/N4; county null leaves N405/N406 out. */
  public Member834 address(String street, String cityName, String stateCode, String zipCode, String countyName) {
    this.address = true;
    this.line1 = street;
    this.city = cityName;
    this.state = stateCode;
    this.zip = zipCode;
    this.county = countyName;
    return this;
  }

  public Member834 secondLine(String text) {
    this.line2 = text;
    return this;
  }

  public Member834 withoutAddress() {
    this.address = false;
    return this;
  }

  /** DMG02 (CCYYMMDD, null to leave DMG out) and DMG03. */
  public Member834 born(String date, String genderCode) {
    this.birthDate = date;
    this.gender = genderCode;
    return this;
  }

  /** Another member-level date: DTP01 qualifier and CCYYMMDD, in the order given, after DTP*303 and DTP*357. */
  public Member834 memberDate(String qualifier, String date) {
    memberDates.add("DTP*" + qualifier + "*D8*" + date);
    return this;
  }

  /** Loop 2100B: the member's name as wrongly sent before (NM1*70), which makes the name loop's a correction. */
  public Member834 incorrectName(String familyName, String givenName, String middleName) {
    this.incorrectName = "NM1*70*1*" + familyName + "*" + givenName + (middleName == null ? "" : "*" + middleName);
    return this;
  }

  /** A coverage loop: HD01, HD03, DTP*348 and DTP*349 (null to leave out), CCYYMMDD. */
  public Member834 coverage(String hd01, String insuranceLine, String begin, String end) {
    coverages.add(new String[] {hd01, insuranceLine, begin, end});
    return this;
  }

  /** Another date in the last coverage loop: DTP01 qualifier and CCYYMMDD, after its DTP*348 and DTP*349. */
  public Member834 coverageDate(String qualifier, String date) {
    String[] last = coverages.get(coverages.size() - 1);
    coverages.set(coverages.size() - 1, new String[] {last[0], last[1], last[2], last[3],
        (last.length > 4 ? last[4] + "|" : "") + "DTP*" + qualifier + "*D8*" + date});
    return this;
  }

  public Member834 withoutCoverage() {
    coverages.clear();
    return this;
  }

  public String memberId() {
    return memberId;
  }

  /** The loop's segments, without terminators. */
  public List<String> segments() {
    List<String> segments = new ArrayList<>();
    segments.add("INS*" + indicator + "*" + relationship + "*" + maintenance + (reason == null ? "" : "*" + reason
        + "*A"));
    segments.add("REF*0F*" + memberId);
    if (effective != null) {
      segments.add("DTP*303*D8*" + effective);
    }
    if (eligibilityEnd != null) {
      segments.add("DTP*357*D8*" + eligibilityEnd);
    }
    segments.addAll(memberDates);
    segments.add("NM1*IL*1*" + family + (given == null ? "" : "*" + given) + (middle == null ? "" : "*" + middle));
    if (address) {
      segments.add("N3*" + line1 + (line2 == null ? "" : "*" + line2));
      segments.add("N4*" + city + "*" + state + "*" + zip + (county == null ? "" : "**CY*" + county));
    }
    if (birthDate != null) {
      segments.add("DMG*D8*" + birthDate + "*" + gender);
    }
    if (incorrectName != null) {
      segments.add(incorrectName);
    }
    for (String[] coverage : coverages) {
      segments.add("HD*" + coverage[0] + "**" + coverage[1] + "*MEDICAID MANAGED CARE*IND");
      if (coverage[2] != null) {
        segments.add("DTP*348*D8*" + coverage[2]);
      }
      if (coverage[3] != null) {
        segments.add("DTP*349*D8*" + coverage[3]);
      }
      if (coverage.length > 4) {
        segments.addAll(List.of(coverage[4].split("\\|")));
      }
    }
    return segments;
  }
}
