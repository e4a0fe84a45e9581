package org.casemgmt.routes.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.enrollment.MemberMaintenance.CoverageChange;
import org.casemgmt.routes.enrollment.MemberMaintenance.Payer;
import org.casemgmt.routes.enrollment.MemberMaintenance.PersonName;
import org.casemgmt.routes.enrollment.MemberMaintenance.Residence;
import org.casemgmt.routes.files.BadValue;
import org.casemgmt.routes.x12.X12Dates;
import org.casemgmt.routes.x12.X12Fault;
import org.casemgmt.routes.x12.X12Person;
import org.casemgmt.routes.x12.X12Segment;

/**
 * A member loop of an 834 being read (INS to the next INS or SE): what its segments say and the first fault found in
 * it. What is wrong with the member as a whole (no member id, no name, a coverage without its begin date) is checked
 * when it closes, after the faults found segment by segment, which come first in the file.
 */
final class MemberDraft {
  private final X12Segment ins;
  private final String idQualifier;
  private final X12Person person = new X12Person();
  private final List<CoverageDraft> coverages = new ArrayList<>();
  private X12Fault fault;
  private X12Segment name;
  private String memberId;
  private boolean subscriber;
  private String relationship;
  private MaintenanceType maintenance;
  private String reason;
  private LocalDate effective;
  private LocalDate eligibilityBegin;
  private LocalDate eligibilityEnd;
  private boolean nameCorrected;

  /** A coverage loop (HD, 2300) being read. */
  private static final class CoverageDraft {
    final X12Segment hd;
    MaintenanceType maintenance;
    String insuranceLine;
    LocalDate start;
    LocalDate end;
    X12Segment endSegment;

    CoverageDraft(X12Segment hd) {
      this.hd = hd;
    }
  }

  /** @param idQualifier the REF01 qualifier of the member's Medicaid id */
  MemberDraft(X12Segment ins, String idQualifier) {
    this.ins = ins;
    this.idQualifier = idQualifier;
    try {
      String indicator = ins.required(1);
      if (!indicator.equals("Y") && !indicator.equals("N")) {
        throw new BadValue("INS01", "INS01 '" + indicator + "' is neither Y (subscriber) nor N (dependent)");
      }
      subscriber = indicator.equals("Y");
      relationship = ins.required(2);
      maintenance = maintenanceType(ins, 3);
      reason = X12Person.blankToNull(ins.element(4));
    } catch (BadValue problem) {
      fault(X12Fault.of(ins, problem));
    }
  }

  void fault(X12Fault found) {
    if (fault == null) {
      fault = found;
    }
  }

  /** REF in the member loop: the member's id under the configured qualifier; other references are not kept. */
  void reference(X12Segment ref) {
    if (ref.element(1).trim().equals(idQualifier)) {
      memberId = ref.required(2);
    }
  }

  /** DTP in the member loop (2000): what {@link EnrollmentDate} keeps of it. */
  void date(X12Segment dtp) {
    switch (EnrollmentDate.use(dtp.element(1), EnrollmentDate.Level.MEMBER)) {
      case EFFECTIVE -> effective = day(dtp);
      case ELIGIBILITY_BEGIN -> eligibilityBegin = day(dtp);
      case ELIGIBILITY_END -> eligibilityEnd = day(dtp);
      default -> {
        // employment, COBRA, Medicare and other dates say nothing of Medicaid coverage
      }
    }
  }

  /**
   * NM1*70 (loop 2100B): the member's name and demographics as wrongly sent before. The name and demographics of
   * 2100A then replace the known ones as they are, a part they leave out included: the sender's explicit correction.
   */
  void incorrectName() {
    nameCorrected = true;
  }

  /** NM1*IL (or NM1*74, the member's corrected name): the member's name loop, 2100A. */
  void name(X12Segment nm1) {
    name = nm1;
    if (nm1.element(1).trim().equals("74")) {
      nameCorrected = true; // 74: the corrected insured, as sent with the incorrect name of 2100B
    }
    if (!nm1.element(2).trim().equals("1")) {
      throw new BadValue("NM102", "NM102 '" + nm1.element(2) + "' is not 1 (person): a member is a person");
    }
    nm1.required(3);
    person.name(nm1);
  }

  X12Person person() {
    return person;
  }

  /** HD: a coverage loop (2300) opens. */
  void coverage(X12Segment hd) {
    CoverageDraft coverage = new CoverageDraft(hd);
    coverages.add(coverage);
    coverage.maintenance = maintenanceType(hd, 1);
    coverage.insuranceLine = hd.required(3);
  }

  /** DTP in the coverage loop (2300): 348 benefit begin, 349 benefit end; see {@link EnrollmentDate}. */
  void coverageDate(X12Segment dtp) {
    if (coverages.isEmpty()) {
      return;
    }
    CoverageDraft coverage = coverages.get(coverages.size() - 1);
    switch (EnrollmentDate.use(dtp.element(1), EnrollmentDate.Level.COVERAGE)) {
      case BENEFIT_BEGIN -> coverage.start = day(dtp);
      case BENEFIT_END -> {
        coverage.end = day(dtp);
        coverage.endSegment = dtp;
      }
      default -> {
        // premium and maintenance dates of the coverage are not kept
      }
    }
  }

  /** The member, or the rejection of the member with its first fault. */
  ParsedMember close(MemberOrigin origin, LocalDate sentOn, Payer payer) {
    if (fault == null) {
      check();
    }
    if (fault != null) {
      return ParsedMember.rejected(origin, new MemberRejection(MemberRejection.Scope.MEMBER, memberId, fault));
    }
    Residence residence = person.hasAddress() ? new Residence(person.line1(), person.line2(), person.city(),
        person.state(), person.postalCode(), "CY".equals(person.locationQualifier()) ? person.location() : null,
        person.countryCode()) : null;
    return ParsedMember.accepted(origin, new MemberMaintenance(memberId, subscriber, relationship, maintenance,
        reason, effective != null ? effective : sentOn, eligibilityEnd,
        new PersonName(person.familyName(), person.givenName(), person.middleName()), nameCorrected,
        person.birthDate(), person.gender(), residence, payer, coverages.stream().map(this::change).toList()));
  }

  private void check() {
    String reference = "REF*" + idQualifier;
    if (memberId == null) {
      fault(X12Fault.of(ins, reference + " (the member's Medicaid id) is missing in the member loop (2000)"));
    } else if (!subscriber && idQualifier.equals("0F")) {
      fault(X12Fault.of(ins, new BadValue("INS01", "INS01 'N': the member is a dependent, whose REF*0F is the"
          + " subscriber's id, not their own Medicaid id (each Medicaid member is their own subscriber, INS01 Y)")));
    } else if (name == null) {
      fault(X12Fault.of(ins, "NM1*IL (the member's name, loop 2100A) is missing"));
    } else if (maintenance == MaintenanceType.TERMINATION && coverages.isEmpty() && eligibilityEnd == null) {
      fault(X12Fault.of(ins, new BadValue("INS03", "INS03 '024' ends the member's coverage without an end date:"
          + " DTP*357 (eligibility end) or a coverage loop with DTP*349 (benefit end) is needed")));
    }
    for (CoverageDraft coverage : coverages) {
      check(coverage);
    }
  }

  /**
   * A coverage loop needs a begin only to add the coverage (021): the others change, end, reinstate or audit one the
   * record knows, whose begin the record has. A termination needs an end.
   */
  private void check(CoverageDraft coverage) {
    String which = "the coverage loop (2300) of HD03 '" + coverage.insuranceLine + "'";
    LocalDate start = coverage.start != null ? coverage.start : eligibilityBegin;
    if (start == null && coverage.maintenance == MaintenanceType.ADDITION) {
      fault(X12Fault.of(coverage.hd, "DTP*348 (benefit begin) is missing in " + which + ", which adds (HD01 021)"
          + " a coverage, and the member loop has no DTP*356 (eligibility begin) either"));
    } else if (coverage.maintenance == MaintenanceType.TERMINATION && coverage.end == null
        && eligibilityEnd == null) {
      fault(X12Fault.of(coverage.hd, new BadValue("HD01", "HD01 '024' ends " + which + " without an end date:"
          + " DTP*349 (benefit end) or the member's DTP*357 (eligibility end) is needed")));
    } else if (start != null && coverage.end != null && coverage.end.isBefore(start)
        && coverage.maintenance != MaintenanceType.TERMINATION) {
      fault(X12Fault.of(coverage.endSegment, new BadValue("DTP03", "DTP03 benefit end " + coverage.end
          + " is before the benefit begin " + start + " of " + which)));
    }
  }

  private CoverageChange change(CoverageDraft coverage) {
    X12Segment hd = coverage.hd;
    LocalDate end = coverage.end == null && coverage.maintenance == MaintenanceType.TERMINATION ? eligibilityEnd
        : coverage.end;
    return new CoverageChange(coverage.maintenance, coverage.insuranceLine, X12Person.blankToNull(hd.element(4)),
        X12Person.blankToNull(hd.element(5)), coverage.start != null ? coverage.start : eligibilityBegin, end);
  }

  private static MaintenanceType maintenanceType(X12Segment segment, int n) {
    String code = segment.required(n);
    return MaintenanceType.of(code).orElseThrow(() -> new BadValue(segment.ref(n), segment.ref(n) + " '" + code
        + "' is not a maintenance type this feed takes (001 change, 021 addition, 024 cancellation or termination,"
        + " 025 reinstatement, 026 correction, 030 audit)"));
  }

  private static LocalDate day(X12Segment dtp) {
    if (!dtp.element(2).trim().equals("D8")) {
      throw new BadValue("DTP02", "DTP02 '" + dtp.element(2) + "' is not D8, the format of DTP*"
          + dtp.element(1).trim() + " (CCYYMMDD)");
    }
    return X12Dates.date(dtp.required(3), "DTP03");
  }
}
