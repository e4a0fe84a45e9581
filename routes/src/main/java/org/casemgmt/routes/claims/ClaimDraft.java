package org.casemgmt.routes.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.casemgmt.routes.files.BadValue;

/**
 * A claim being read, filled field by field as its segments or rows arrive, then frozen into a {@link Claim}. The
 * readers check what their format requires before {@link #build}; this class only assembles.
 */
final class ClaimDraft {
  String claimId;
  String originalClaimId;
  String frequencyCode;
  final ClaimType type;
  String typeOfBill;
  String placeOfService;
  Member member;
  String billingNpi;
  String renderingNpi;
  LocalDate from;
  LocalDate through;
  LocalDate admissionDate;
  LocalTime admissionTime;
  LocalDate dischargeDate;
  LocalTime dischargeTime;
  String admissionType;
  String admissionSource;
  String dischargeStatus;
  String drg;
  final List<Diagnosis> diagnoses = new ArrayList<>();
  ClaimStatus status = ClaimStatus.UNKNOWN;
  final List<Line> lines = new ArrayList<>();

  ClaimDraft(ClaimType type) {
    this.type = type;
  }

  /** A service line being read. */
  static final class Line {
    final int number;
    String revenueCode;
    String procedureCode;
    final List<String> modifiers = new ArrayList<>(4);
    String placeOfService;
    LocalDate from;
    LocalDate through;
    BigDecimal units;
    BigDecimal charge;

    Line(int number) {
      this.number = number;
    }
  }

  /** A new service line; its number must be new in the claim (it is the line's identity in staging). */
  Line addLine(int number, String element) {
    if (lines.stream().anyMatch(line -> line.number == number)) {
      throw new BadValue(element, "line number " + number + " appears twice in the claim");
    }
    Line line = new Line(number);
    lines.add(line);
    return line;
  }

  /** The claim; a period not stated for the claim is that of its lines, earliest to latest. */
  Claim build() {
    LocalDate first = from != null ? from
        : lines.stream().map(l -> l.from).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    LocalDate last = through != null ? through
        : lines.stream().map(l -> l.through).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    List<ClaimLine> claimLines = lines.stream()
        .map(l -> new ClaimLine(l.number, l.revenueCode, l.procedureCode, l.modifiers,
            l.placeOfService != null ? l.placeOfService : placeOfService, l.from, l.through, l.units, l.charge))
        .toList();
    return new Claim(claimId, originalClaimId, frequencyCode, type, typeOfBill, placeOfService, member, billingNpi,
        renderingNpi, first, last, admissionDate, admissionTime, dischargeDate, dischargeTime, admissionType,
        admissionSource, dischargeStatus, drg, diagnoses, status, claimLines);
  }
}
