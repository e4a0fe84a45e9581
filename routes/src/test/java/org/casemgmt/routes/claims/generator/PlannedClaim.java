package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.claims.ClaimType;

/**
 * A claim to write, in no file format yet: the scenarios fill it in, the planner decides its fate, the writers
 * render it as 837 segments or CSV rows. Mutable while a member is planned and then only read; never shared
 * between members.
 */
final class PlannedClaim {
  final String id;
  final ClaimType type;
  final Providers.Facility billing;
  /** Institutional: the first two digits of the type of bill (11 hospital inpatient, 13 hospital outpatient). */
  String facilityType;
  /** The claim frequency: 1 admit through discharge, 2-4 interim, 7 replacement, 8 void. */
  String frequency = "1";
  /** Professional: place of service of the claim and its lines. */
  String placeOfService;
  String originalId;
  /** Institutional statement period (837I DTP*434). */
  LocalDate statementFrom;
  LocalDate statementThrough;
  /** Inpatient: admission date and hour; null on outpatient and professional claims. */
  LocalDateTime admission;
  /** Inpatient: the discharge hour, set on the bill that ends the stay, whose last day is the discharge day. */
  LocalTime dischargeHour;
  String admissionType;
  String admissionSource;
  String dischargeStatus;
  String drg;
  /** Principal first, then the others. */
  final List<String> diagnoses = new ArrayList<>(3);
  String admittingDiagnosis;
  Providers.Clinician clinician;
  final List<PlannedLine> lines = new ArrayList<>(4);
  boolean denied;
  Malformation malformation;
  /** Replaced or voided by a later claim of the file. */
  boolean superseded;

  private PlannedClaim(String id, ClaimType type, Providers.Facility billing) {
    this.id = id;
    this.type = type;
    this.billing = billing;
  }

  static PlannedClaim institutional(String id, Providers.Facility billing, String facilityType, LocalDate from,
                                    LocalDate through) {
    PlannedClaim claim = new PlannedClaim(id, ClaimType.INSTITUTIONAL, billing);
    claim.facilityType = facilityType;
    claim.statementFrom = from;
    claim.statementThrough = through;
    return claim;
  }

  static PlannedClaim professional(String id, Providers.Facility billing, String placeOfService,
                                   Providers.Clinician clinician) {
    PlannedClaim claim = new PlannedClaim(id, ClaimType.PROFESSIONAL, billing);
    claim.placeOfService = placeOfService;
    claim.clinician = clinician;
    return claim;
  }

  boolean institutional() {
    return type == ClaimType.INSTITUTIONAL;
  }

  /** NUBC type of bill with its leading zero: facility type and frequency, with care type 1. */
  String typeOfBill() {
    return "0" + facilityType + frequency;
  }

  LocalDate from() {
    return institutional() ? statementFrom : lines.get(0).from();
  }

  LocalDate through() {
    return institutional() ? statementThrough : lines.get(lines.size() - 1).through();
  }

  int lineCount() {
    return lines.size();
  }

  long chargeCents() {
    return lines.stream().mapToLong(PlannedLine::chargeCents).sum();
  }

  /** Still stands after adjustments: readable, not a void, not replaced or voided. Denial is a separate matter. */
  boolean inForce() {
    return malformation == null && !superseded && !frequency.equals("8");
  }

  /**
   * The replacement (frequency 7) or void (frequency 8) of this claim: the same bill again, naming this one. A
   * replacement corrects the first line's charge, as most do; a void repeats the bill it cancels.
   */
  PlannedClaim adjustment(String adjustmentFrequency) {
    boolean replacement = adjustmentFrequency.equals("7");
    PlannedClaim copy = new PlannedClaim(id + (replacement ? ClaimIds.REPLACEMENT : ClaimIds.VOID), type, billing);
    copy.facilityType = facilityType;
    copy.frequency = adjustmentFrequency;
    copy.placeOfService = placeOfService;
    copy.originalId = id;
    copy.statementFrom = statementFrom;
    copy.statementThrough = statementThrough;
    copy.admission = admission;
    copy.dischargeHour = dischargeHour;
    copy.admissionType = admissionType;
    copy.admissionSource = admissionSource;
    copy.dischargeStatus = dischargeStatus;
    copy.drg = drg;
    copy.diagnoses.addAll(diagnoses);
    copy.admittingDiagnosis = admittingDiagnosis;
    copy.clinician = clinician;
    copy.lines.addAll(lines);
    if (replacement) {
      copy.lines.set(0, lines.get(0).withCharge(lines.get(0).chargeCents() + 2_500));
    }
    return copy;
  }
}
