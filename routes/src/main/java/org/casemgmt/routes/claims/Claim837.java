package org.casemgmt.routes.claims;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.files.BadValue;
import org.casemgmt.routes.x12.X12Dates;
import org.casemgmt.routes.x12.X12Fault;
import org.casemgmt.routes.x12.X12Person;
import org.casemgmt.routes.x12.X12Segment;

/**
 * One 837 claim being read (loop 2300 and its 2400 service lines), with the levels it sits under, the segments a
 * rejection points at and the first fault found in it. {@link Transaction837} routes the claim's segments here.
 */
final class Claim837 {
  private final ClaimType type;
  private final ClaimDraft draft;
  private final X12Segment clm;
  private final PartyDraft billing;
  private final PartyDraft subscriber;
  private final PartyDraft patient;
  private final List<X12Segment> lxs = new ArrayList<>();
  private X12Fault fault;
  private ClaimDraft.Line line;
  private int nextOther = 2;
  private int admitting;
  private int reasons;
  private int externalCauses;

  Claim837(ClaimType type, X12Segment clm, PartyDraft billing, PartyDraft subscriber, PartyDraft patient) {
    this.type = type;
    this.draft = new ClaimDraft(type);
    this.clm = clm;
    this.billing = billing;
    this.subscriber = subscriber;
    this.patient = patient;
  }

  X12Segment clm() {
    return clm;
  }

  String claimId() {
    return draft.claimId;
  }

  void fault(X12Fault found) {
    if (fault == null) {
      fault = found;
    }
  }

  /** CLM: claim id, and CLM05 facility type or place of service, qualifier, frequency. */
  void header() {
    draft.claimId = clm.required(1);
    if (!clm.isComposite(5)) {
      throw new BadValue("CLM05", "CLM05 '" + clm.element(5) + "' is not a composite of "
          + (type == ClaimType.INSTITUTIONAL ? "facility type" : "place of service")
          + ", qualifier and frequency" + clm.compositeHint(5));
    }
    String qualifier = clm.component(5, 2).trim();
    String expected = type == ClaimType.INSTITUTIONAL ? "A" : "B";
    // CLM05-2 only restates the transaction type: a sender that leaves it out loses nothing, one that contradicts it
    // sent a claim of the other kind.
    if (!qualifier.isEmpty() && !qualifier.equals(expected)) {
      throw new BadValue("CLM05-2", "CLM05-2 '" + qualifier + "' is not " + expected + " ("
          + (type == ClaimType.INSTITUTIONAL ? "institutional" : "professional") + " claim)");
    }
    draft.frequencyCode = ClaimCodes.frequency(clm.required(5, 3), "CLM05-3");
    if (type == ClaimType.INSTITUTIONAL) {
      draft.typeOfBill = "0" + ClaimCodes.facilityCode(clm.required(5, 1), "CLM05-1") + draft.frequencyCode;
    } else {
      draft.placeOfService = ClaimCodes.placeOfService(clm.required(5, 1), "CLM05-1");
    }
  }

  /**
   * 2300 DTP: statement period (434), admission (435), discharge (096); other dates are not kept. Each guide gives
   * DTP*096 its own meaning: the discharge hour (TM) in an 837I (005010X223), whose day is the statement period's
   * last, but the discharge date (D8) of the hospitalization in an 837P (005010X222), which has no statement period.
   */
  void claimDate(X12Segment dtp) {
    switch (dtp.element(1).trim()) {
      case "434" -> {
        var period = X12Dates.period(dtp);
        draft.from = period[0];
        draft.through = period[1];
      }
      case "435" -> {
        String format = dtp.element(2).trim();
        if (format.equals("DT")) {
          LocalDateTime admitted = X12Dates.dateTime(dtp.required(3), "DTP03");
          draft.admissionDate = admitted.toLocalDate();
          draft.admissionTime = admitted.toLocalTime();
        } else if (format.equals("D8")) {
          draft.admissionDate = X12Dates.date(dtp.required(3), "DTP03");
        } else {
          throw new BadValue("DTP02", "DTP02 '" + format + "' is not a format of an admission date (D8, DT)");
        }
      }
      case "096" -> {
        String format = dtp.element(2).trim();
        if (type == ClaimType.INSTITUTIONAL) {
          if (!format.equals("TM")) {
            throw new BadValue("DTP02", "DTP02 '" + format + "' is not TM, the format of the discharge hour"
                + " (DTP*096) of an 837I");
          }
          draft.dischargeTime = X12Dates.time(dtp.required(3), "DTP03");
        } else {
          if (!format.equals("D8")) {
            throw new BadValue("DTP02", "DTP02 '" + format + "' is not D8, the format of the discharge date"
                + " (DTP*096) of an 837P");
          }
          draft.dischargeDate = X12Dates.date(dtp.required(3), "DTP03");
        }
      }
      default -> {
        // onset, referral and other claim dates are not part of the model
      }
    }
  }

  /** 2400 DTP*472: the line's service date or range. */
  void lineDate(X12Segment dtp) {
    if (dtp.element(1).trim().equals("472")) {
      var period = X12Dates.period(dtp);
      line.from = period[0];
      line.through = period[1];
    }
  }

  /** CL1: admission type, point of origin, discharge status. */
  void institutionalCode(X12Segment cl1) {
    draft.admissionType = X12Person.blankToNull(cl1.element(1));
    draft.admissionSource = X12Person.blankToNull(cl1.element(2));
    draft.dischargeStatus = X12Person.blankToNull(cl1.element(3));
  }

  /** 2300 REF*F8: the payer claim control number of the claim this one replaces or voids. */
  void reference(X12Segment ref) {
    if (ref.element(1).trim().equals("F8")) {
      draft.originalClaimId = ref.required(2);
    }
  }

  /** 2310A attending (837I) or 2310B rendering (837P) provider. */
  void provider(X12Segment nm1) {
    if (nm1.element(1).trim().equals(type == ClaimType.INSTITUTIONAL ? "71" : "82")) {
      draft.renderingNpi = npi(nm1);
    }
  }

  /** HI: diagnoses (ICD-10 qualifiers ABK/ABJ/APR/ABF/ABN, ICD-9 BK/BJ/PR/BF/BN) and the DRG (DR). */
  void healthCare(X12Segment hi) {
    for (int n = 1; n <= hi.elementCount(); n++) {
      if (hi.element(n).isBlank()) {
        continue;
      }
      if (!hi.isComposite(n)) {
        throw new BadValue(hi.ref(n), hi.ref(n) + " '" + hi.element(n)
            + "' is not a composite of qualifier and code" + hi.compositeHint(n));
      }
      code(hi, n, hi.component(n, 1).trim());
    }
  }

  private void code(X12Segment hi, int n, String qualifier) {
    Diagnosis.Role role = switch (qualifier) {
      case "ABK", "BK" -> Diagnosis.Role.PRINCIPAL;
      case "ABJ", "BJ" -> Diagnosis.Role.ADMITTING;
      case "APR", "PR" -> Diagnosis.Role.REASON_FOR_VISIT;
      case "ABF", "BF" -> Diagnosis.Role.OTHER;
      case "ABN", "BN" -> Diagnosis.Role.EXTERNAL_CAUSE;
      default -> null;
    };
    if (qualifier.equals("DR")) {
      draft.drg = ClaimCodes.drg(hi.required(n, 2), hi.ref(n, 2));
    }
    if (role == null) {
      return; // occurrence, value, condition codes and procedures are not part of the model
    }
    Diagnosis.CodeSystem system = qualifier.startsWith("A") ? Diagnosis.CodeSystem.ICD_10_CM
        : Diagnosis.CodeSystem.ICD_9_CM;
    String code = ClaimCodes.diagnosis(hi.required(n, 2), system, hi.ref(n, 2));
    int sequence = switch (role) {
      case PRINCIPAL -> 1;
      case OTHER -> nextOther++;
      case ADMITTING -> ++admitting;
      case REASON_FOR_VISIT -> ++reasons;
      case EXTERNAL_CAUSE -> ++externalCauses;
    };
    String presentOnAdmission = type == ClaimType.INSTITUTIONAL ? X12Person.blankToNull(hi.component(n, 9)) : null;
    draft.diagnoses.add(new Diagnosis(sequence, code, system, role, presentOnAdmission));
  }

  /** LX: a service line starts. */
  void serviceLine(X12Segment lx) {
    lxs.add(lx);
    String number = lx.required(1);
    try {
      line = draft.addLine(Integer.parseInt(number), "LX01");
    } catch (NumberFormatException e) {
      line = draft.addLine(draft.lines.size() + 1, "LX01");
      throw new BadValue("LX01", "LX01 '" + number + "' is not a line number");
    }
  }

  /** SV1: professional service; procedure, charge, units, place of service override. */
  void professionalService(X12Segment sv1) {
    if (type != ClaimType.PROFESSIONAL) {
      throw new BadValue(null, "SV1 (professional service) in an institutional claim");
    }
    procedure(sv1, 1);
    line.charge = amount(sv1, 2);
    line.units = amount(sv1, 4);
    if (!sv1.element(5).isBlank()) {
      line.placeOfService = ClaimCodes.placeOfService(sv1.element(5), "SV105");
    }
  }

  /** SV2: institutional service; revenue code, procedure, charge, units. */
  void institutionalService(X12Segment sv2) {
    if (type != ClaimType.INSTITUTIONAL) {
      throw new BadValue(null, "SV2 (institutional service) in a professional claim");
    }
    line.revenueCode = ClaimCodes.revenueCode(sv2.required(1), "SV201");
    if (!sv2.element(2).isBlank()) {
      procedure(sv2, 2);
    }
    line.charge = amount(sv2, 3);
    line.units = amount(sv2, 5);
  }

  /** SV101 / SV202: qualifier, code, up to four modifiers. */
  private void procedure(X12Segment s, int n) {
    if (!s.isComposite(n)) {
      throw new BadValue(s.ref(n), s.ref(n) + " '" + s.element(n) + "' is not a composite of qualifier and "
          + "procedure code" + s.compositeHint(n));
    }
    line.procedureCode = ClaimCodes.procedure(s.required(n, 2), s.component(n, 1).trim().equals("HC"),
        s.ref(n, 2));
    for (int c = 3; c <= 6; c++) {
      if (!s.component(n, c).isBlank()) {
        line.modifiers.add(ClaimCodes.modifier(s.component(n, c), s.ref(n, c)));
      }
    }
  }

  /** The claim, or its rejection: the first fault of the levels above it, its own, or what it lacks. */
  ParsedClaim close(ClaimOrigin origin) {
    X12Fault first = firstFault();
    if (first != null) {
      return ParsedClaim.rejected(origin, ClaimRejection.of(first, ClaimRejection.Scope.CLAIM, draft.claimId,
          subscriber == null ? null : subscriber.memberId));
    }
    draft.billingNpi = billing == null ? null : billing.npi;
    boolean dependent = patient != null;
    draft.member = (dependent && patient.named ? patient : subscriber).member(subscriber.memberId, dependent);
    if (draft.dischargeTime != null) {
      // DTP*096 is sent on the bill that ends the stay: its statement period ends on the discharge day
      draft.dischargeDate = draft.through;
    }
    return ParsedClaim.accepted(origin, draft.build());
  }

  static String npi(X12Segment nm1) {
    return nm1.element(8).trim().equals("XX") && !nm1.element(9).isBlank()
        ? ClaimCodes.npi(nm1.element(9), nm1.ref(9)) : null;
  }

  private X12Fault firstFault() {
    for (PartyDraft level : new PartyDraft[] {billing, subscriber, patient}) {
      if (level != null && level.fault != null) {
        return level.fault;
      }
    }
    return fault != null ? fault : missing();
  }

  /** What the 837 requires of every claim and the model needs. */
  private X12Fault missing() {
    if (!subscriber.named) {
      return X12Fault.of(subscriber.hl, "subscriber level HL01 '" + subscriber.hlId
          + "' has no subscriber name (2010BA NM1*IL): the claim has no member id");
    }
    if (type == ClaimType.INSTITUTIONAL && draft.from == null) {
      return X12Fault.of(clm, "the claim has no statement dates (DTP*434)");
    }
    if ((draft.frequencyCode.equals("7") || draft.frequencyCode.equals("8")) && draft.originalClaimId == null) {
      return new X12Fault("CLM", clm.position(), "CLM05-3", clm.line(), "frequency " + draft.frequencyCode
          + (draft.frequencyCode.equals("7") ? " (replacement)" : " (void)")
          + " without REF*F8: the claim it applies to is not named");
    }
    if (draft.diagnoses.stream().noneMatch(d -> d.role() == Diagnosis.Role.PRINCIPAL)) {
      return X12Fault.of(clm, "the claim has no principal diagnosis (HI*ABK)");
    }
    if (draft.lines.isEmpty()) {
      return X12Fault.of(clm, "the claim has no service line (2400 LX)");
    }
    for (int i = 0; i < draft.lines.size(); i++) {
      ClaimDraft.Line l = draft.lines.get(i);
      if (type == ClaimType.INSTITUTIONAL && l.revenueCode == null) {
        return X12Fault.of(lxs.get(i), "service line " + l.number + " has no SV2");
      }
      if (type == ClaimType.PROFESSIONAL && l.procedureCode == null) {
        return X12Fault.of(lxs.get(i), "service line " + l.number + " has no SV1");
      }
      if (type == ClaimType.PROFESSIONAL && l.from == null) {
        return X12Fault.of(lxs.get(i), "service line " + l.number + " has no service date (DTP*472)");
      }
    }
    return null;
  }

  private static BigDecimal amount(X12Segment s, int n) {
    return s.element(n).isBlank() ? null : ClaimCodes.amount(s.element(n), s.ref(n));
  }
}
