package org.casemgmt.routes.claims;

import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * Reads the claims of one 837 transaction set (ST to SE) segment by segment and hands each out as soon as it ends
 * (at the next CLM, HL or SE): one claim in memory at a time.
 *
 * <p>StAEDI reads the 837 without a transaction schema, so the loops are followed here: the HL levels (20 billing
 * provider, 22 subscriber, 23 patient) and, inside a claim, the segment that opens each loop (SBR opens the other
 * payers' 2320, whose NM1*IL and REF*F8 are not this claim's; LX opens a service line). A fault in a level refuses
 * every claim under it; a fault in a claim refuses that claim; the next claim starts clean.
 */
final class Transaction837 {

  /** Where a claim read from this transaction set was found. */
  interface Origins {
    ClaimOrigin of(int firstLine, int lastLine);
  }

  private enum Loop { HEADER, BILLING, SUBSCRIBER, PATIENT, CLAIM, OTHER_PAYER, LINE }

  private final ClaimType type;
  private final Origins origins;
  private final Consumer<ParsedClaim> sink;

  private Loop loop = Loop.HEADER;
  private String nameLoop = "";
  private PartyDraft billing;
  private PartyDraft subscriber;
  private PartyDraft patient;
  private PartyDraft leaf;
  private OpenClaim claim;
  private int lastLine;

  Transaction837(ClaimType type, Origins origins, Consumer<ParsedClaim> sink) {
    this.type = type;
    this.origins = origins;
    this.sink = sink;
  }

  /** A claim being read, with the segments rejections point at. */
  private static final class OpenClaim {
    final ClaimDraft draft;
    final X12Segment clm;
    final PartyDraft billing;
    final PartyDraft subscriber;
    final PartyDraft patient;
    X12Fault fault;
    ClaimDraft.Line line;
    final java.util.List<X12Segment> lxs = new java.util.ArrayList<>();
    int nextOther = 2;
    int admitting;
    int reasons;
    int externalCauses;

    OpenClaim(ClaimDraft draft, X12Segment clm, PartyDraft billing, PartyDraft subscriber, PartyDraft patient) {
      this.draft = draft;
      this.clm = clm;
      this.billing = billing;
      this.subscriber = subscriber;
      this.patient = patient;
    }
  }

  void segment(X12Segment s) {
    try {
      switch (s.tag()) {
        case "HL" -> hl(s);
        case "NM1" -> nm1(s);
        case "N3" -> n3(s);
        case "N4" -> n4(s);
        case "DMG" -> dmg(s);
        case "SBR" -> sbr();
        case "CLM" -> clm(s);
        case "DTP" -> dtp(s);
        case "CL1" -> cl1(s);
        case "REF" -> ref(s);
        case "HI" -> hi(s);
        case "LX" -> lx(s);
        case "SV1" -> sv1(s);
        case "SV2" -> sv2(s);
        default -> {
          // a segment that carries nothing the claim model holds
        }
      }
    } catch (ClaimProblem problem) {
      fault(X12Fault.of(s, problem));
    } finally {
      // after the segment: a claim or level that the segment closes ends on the line before it
      lastLine = s.line();
    }
  }

  /** SE: the last claim ends, and so does the last level. */
  void end() {
    closeClaim();
    closeLeaf(null);
  }

  private void fault(X12Fault fault) {
    switch (loop) {
      case CLAIM, OTHER_PAYER, LINE -> {
        if (claim != null && claim.fault == null) {
          claim.fault = fault;
        }
      }
      case PATIENT -> patient.fault(fault);
      case SUBSCRIBER -> subscriber.fault(fault);
      case BILLING -> billing.fault(fault);
      default -> {
        // header segments (1000A/B) are not read
      }
    }
  }

  private void hl(X12Segment s) {
    closeClaim();
    String id = s.element(1).trim();
    String parent = s.element(2).trim();
    closeLeaf(parent);
    nameLoop = "";
    String level = s.element(3).trim();
    switch (level) {
      case "20" -> {
        billing = new PartyDraft(id, s);
        subscriber = null;
        patient = null;
        loop = Loop.BILLING;
      }
      case "22" -> {
        subscriber = new PartyDraft(id, s);
        patient = null;
        leaf = subscriber;
        loop = Loop.SUBSCRIBER;
        if (billing == null || !billing.hlId.equals(parent)) {
          subscriber.fault(X12Fault.of(s, new ClaimProblem("HL02", "HL02 parent '" + parent
              + "' of subscriber level HL01 '" + id + "' is not the billing provider level (HL03 20) above it")));
        }
      }
      case "23" -> {
        patient = new PartyDraft(id, s);
        leaf = patient;
        loop = Loop.PATIENT;
        if (subscriber == null || !subscriber.hlId.equals(parent)) {
          patient.fault(X12Fault.of(s, new ClaimProblem("HL02", "HL02 parent '" + parent
              + "' of patient level HL01 '" + id + "' is not the subscriber level (HL03 22) above it")));
        }
      }
      default -> {
        // Claims under a level the 837 does not define cannot be placed: refuse them, keep reading.
        patient = new PartyDraft(id, s);
        leaf = patient;
        loop = Loop.PATIENT;
        patient.fault(X12Fault.of(s, new ClaimProblem("HL03",
            "HL03 '" + level + "' is not an 837 hierarchical level (20, 22, 23)")));
      }
    }
  }

  /** A subscriber or patient level that ends without a claim and without a level under it has lost its claim. */
  private void closeLeaf(String nextParent) {
    if (leaf != null && leaf.claims == 0 && !leaf.hlId.equals(nextParent)) {
      String what = leaf == subscriber ? "subscriber level (2000B)" : "patient level (2000C)";
      ClaimRejection rejection = X12Fault.of(leaf.hl, what + " HL01 '" + leaf.hlId
          + "' has no claim: CLM is missing").rejection(ClaimRejection.Scope.CLAIM, null);
      sink.accept(ParsedClaim.rejected(origins.of(leaf.hl.line(), lastLine), rejection));
    }
    leaf = null;
  }

  private void nm1(X12Segment s) {
    nameLoop = s.element(1).trim();
    switch (loop) {
      case BILLING -> {
        if (nameLoop.equals("85")) {
          billing.named = true;
          billing.npi = npi(s);
        }
      }
      case SUBSCRIBER -> {
        if (nameLoop.equals("IL")) {
          subscriber.named = true;
          name(subscriber, s);
          subscriber.memberId = s.required(9);
        }
      }
      case PATIENT -> {
        if (nameLoop.equals("QC")) {
          patient.named = true;
          name(patient, s);
        }
      }
      case CLAIM -> {
        // 2310A attending (837I) or 2310B rendering (837P); other 2310 providers are not kept
        if (nameLoop.equals(type == ClaimType.INSTITUTIONAL ? "71" : "82")) {
          claim.draft.renderingNpi = npi(s);
        }
      }
      default -> {
        // 1000A/B submitter and receiver, 2330 other payers, 2420 line providers
      }
    }
  }

  private static String npi(X12Segment nm1) {
    return nm1.element(8).trim().equals("XX") && !nm1.element(9).isBlank()
        ? ClaimCodes.npi(nm1.element(9), nm1.ref(9)) : null;
  }

  private static void name(PartyDraft party, X12Segment nm1) {
    party.familyName = blankToNull(nm1.element(3));
    party.givenName = blankToNull(nm1.element(4));
    party.middleName = blankToNull(nm1.element(5));
  }

  /** The member or patient that N3, N4 and DMG describe here, or null when they describe someone else. */
  private PartyDraft person() {
    if (loop == Loop.SUBSCRIBER && nameLoop.equals("IL")) {
      return subscriber;
    }
    return loop == Loop.PATIENT && nameLoop.equals("QC") ? patient : null;
  }

  private void n3(X12Segment s) {
    PartyDraft person = person();
    if (person != null) {
      Address old = person.address;
      person.address = new Address(blankToNull(s.element(1)), blankToNull(s.element(2)),
          old == null ? null : old.city(), old == null ? null : old.state(), old == null ? null : old.postalCode());
    }
  }

  private void n4(X12Segment s) {
    PartyDraft person = person();
    if (person == null) {
      return;
    }
    boolean domestic = s.element(4).isBlank();
    String state = s.element(2).isBlank() ? null
        : domestic ? ClaimCodes.state(s.element(2), "N402") : s.element(2).trim();
    String zip = s.element(3).isBlank() ? null
        : domestic ? ClaimCodes.postalCode(s.element(3), "N403") : s.element(3).trim();
    Address old = person.address;
    person.address = new Address(old == null ? null : old.line1(), old == null ? null : old.line2(),
        blankToNull(s.element(1)), state, zip);
  }

  private void dmg(X12Segment s) {
    PartyDraft person = person();
    if (person == null) {
      return;
    }
    if (!s.element(2).isBlank()) {
      if (!s.element(1).trim().equals("D8")) {
        throw new ClaimProblem("DMG01", "DMG01 '" + s.element(1) + "' is not D8: the birth date has no format");
      }
      person.birthDate = X12Dates.date(s.element(2).trim(), "DMG02");
    }
    person.gender = s.element(3).isBlank() ? null : ClaimCodes.gender(s.element(3), "DMG03");
  }

  private void sbr() {
    if (loop == Loop.CLAIM || loop == Loop.LINE) {
      loop = Loop.OTHER_PAYER;
      nameLoop = "";
    }
  }

  private void clm(X12Segment s) {
    closeClaim();
    claim = new OpenClaim(new ClaimDraft(type), s, billing, subscriber, patient);
    loop = Loop.CLAIM;
    nameLoop = "";
    if (subscriber == null) {
      claim.fault = X12Fault.of(s, "CLM is not inside a subscriber level (2000B, HL03 22): the claim has no member");
    } else {
      (patient != null ? patient : subscriber).claims++;
    }
    ClaimDraft draft = claim.draft;
    draft.claimId = s.required(1);
    if (!s.isComposite(5)) {
      throw new ClaimProblem("CLM05", "CLM05 '" + s.element(5) + "' is not a composite of "
          + (type == ClaimType.INSTITUTIONAL ? "facility type" : "place of service")
          + ", qualifier and frequency" + s.compositeHint(5));
    }
    String qualifier = s.component(5, 2).trim();
    String expected = type == ClaimType.INSTITUTIONAL ? "A" : "B";
    // CLM05-2 only restates the transaction type; a sender that leaves it out loses nothing, one that contradicts it
    // sent a claim of the other kind.
    if (!qualifier.isEmpty() && !qualifier.equals(expected)) {
      throw new ClaimProblem("CLM05-2", "CLM05-2 '" + qualifier + "' is not " + expected + " ("
          + (type == ClaimType.INSTITUTIONAL ? "institutional" : "professional") + " claim)");
    }
    draft.frequencyCode = ClaimCodes.frequency(s.required(5, 3), "CLM05-3");
    if (type == ClaimType.INSTITUTIONAL) {
      String facility = ClaimCodes.facilityCode(s.required(5, 1), "CLM05-1");
      draft.typeOfBill = "0" + facility + draft.frequencyCode;
    } else {
      draft.placeOfService = ClaimCodes.placeOfService(s.required(5, 1), "CLM05-1");
    }
  }

  private void dtp(X12Segment s) {
    String qualifier = s.element(1).trim();
    if (loop == Loop.LINE && qualifier.equals("472")) {
      var period = X12Dates.period(s);
      claim.line.from = period[0];
      claim.line.through = period[1];
      return;
    }
    if (loop != Loop.CLAIM) {
      return;
    }
    ClaimDraft draft = claim.draft;
    switch (qualifier) {
      case "434" -> {
        var period = X12Dates.period(s);
        draft.from = period[0];
        draft.through = period[1];
      }
      case "435" -> {
        String format = s.element(2).trim();
        if (format.equals("DT")) {
          LocalDateTime admitted = X12Dates.dateTime(s.required(3), "DTP03");
          draft.admissionDate = admitted.toLocalDate();
          draft.admissionTime = admitted.toLocalTime();
        } else if (format.equals("D8")) {
          draft.admissionDate = X12Dates.date(s.required(3), "DTP03");
        } else {
          throw new ClaimProblem("DTP02", "DTP02 '" + format + "' is not a format of an admission date (D8, DT)");
        }
      }
      case "096" -> {
        if (!s.element(2).trim().equals("TM")) {
          throw new ClaimProblem("DTP02", "DTP02 '" + s.element(2) + "' is not TM, the format of a discharge hour");
        }
        draft.dischargeTime = X12Dates.time(s.required(3), "DTP03");
      }
      default -> {
        // onset, referral and other claim dates are not part of the model
      }
    }
  }

  private void cl1(X12Segment s) {
    if (loop == Loop.CLAIM) {
      claim.draft.admissionType = blankToNull(s.element(1));
      claim.draft.admissionSource = blankToNull(s.element(2));
      claim.draft.dischargeStatus = blankToNull(s.element(3));
    }
  }

  private void ref(X12Segment s) {
    // REF*F8 in 2330B is another payer's claim number; only the claim's own (2300) names the original
    if (loop == Loop.CLAIM && s.element(1).trim().equals("F8")) {
      claim.draft.originalClaimId = s.required(2);
    }
  }

  private void hi(X12Segment s) {
    if (loop != Loop.CLAIM) {
      return;
    }
    for (int n = 1; n <= s.elementCount(); n++) {
      if (s.element(n).isBlank()) {
        continue;
      }
      if (!s.isComposite(n)) {
        throw new ClaimProblem(s.ref(n), s.ref(n) + " '" + s.element(n) + "' is not a composite of qualifier and code"
            + s.compositeHint(n));
      }
      code(s, n, s.component(n, 1).trim());
    }
  }

  private void code(X12Segment s, int n, String qualifier) {
    Diagnosis.Role role = switch (qualifier) {
      case "ABK", "BK" -> Diagnosis.Role.PRINCIPAL;
      case "ABJ", "BJ" -> Diagnosis.Role.ADMITTING;
      case "APR", "PR" -> Diagnosis.Role.REASON_FOR_VISIT;
      case "ABF", "BF" -> Diagnosis.Role.OTHER;
      case "ABN", "BN" -> Diagnosis.Role.EXTERNAL_CAUSE;
      default -> null;
    };
    if (qualifier.equals("DR")) {
      claim.draft.drg = ClaimCodes.drg(s.required(n, 2), s.ref(n, 2));
    }
    if (role == null) {
      return; // occurrence, value, condition codes and procedures are not part of the model
    }
    Diagnosis.CodeSystem system = qualifier.startsWith("A") ? Diagnosis.CodeSystem.ICD_10_CM
        : Diagnosis.CodeSystem.ICD_9_CM;
    String code = ClaimCodes.diagnosis(s.required(n, 2), system, s.ref(n, 2));
    int sequence = switch (role) {
      case PRINCIPAL -> 1;
      case OTHER -> claim.nextOther++;
      case ADMITTING -> ++claim.admitting;
      case REASON_FOR_VISIT -> ++claim.reasons;
      case EXTERNAL_CAUSE -> ++claim.externalCauses;
    };
    String presentOnAdmission = type == ClaimType.INSTITUTIONAL ? blankToNull(s.component(n, 9)) : null;
    claim.draft.diagnoses.add(new Diagnosis(sequence, code, system, role, presentOnAdmission));
  }

  private void lx(X12Segment s) {
    if (claim == null) {
      return; // a service line without its claim: the level it is in reports the missing CLM
    }
    loop = Loop.LINE;
    nameLoop = "";
    claim.lxs.add(s);
    String number = s.required(1);
    try {
      claim.line = claim.draft.addLine(Integer.parseInt(number));
    } catch (NumberFormatException e) {
      claim.line = claim.draft.addLine(claim.draft.lines.size() + 1);
      throw new ClaimProblem("LX01", "LX01 '" + number + "' is not a line number");
    }
  }

  private void sv1(X12Segment s) {
    if (loop != Loop.LINE) {
      return;
    }
    if (type != ClaimType.PROFESSIONAL) {
      throw new ClaimProblem(null, "SV1 (professional service) in an institutional claim");
    }
    procedure(s, 1);
    ClaimDraft.Line line = claim.line;
    line.charge = amount(s, 2);
    line.units = amount(s, 4);
    if (!s.element(5).isBlank()) {
      line.placeOfService = ClaimCodes.placeOfService(s.element(5), "SV105");
    }
  }

  private void sv2(X12Segment s) {
    if (loop != Loop.LINE) {
      return;
    }
    if (type != ClaimType.INSTITUTIONAL) {
      throw new ClaimProblem(null, "SV2 (institutional service) in a professional claim");
    }
    ClaimDraft.Line line = claim.line;
    line.revenueCode = ClaimCodes.revenueCode(s.required(1), "SV201");
    if (!s.element(2).isBlank()) {
      procedure(s, 2);
    }
    line.charge = amount(s, 3);
    line.units = amount(s, 5);
  }

  /** SV101 / SV202: qualifier, code, up to four modifiers. */
  private void procedure(X12Segment s, int n) {
    if (!s.isComposite(n)) {
      throw new ClaimProblem(s.ref(n), s.ref(n) + " '" + s.element(n) + "' is not a composite of qualifier and "
          + "procedure code" + s.compositeHint(n));
    }
    String qualifier = s.component(n, 1).trim();
    ClaimDraft.Line line = claim.line;
    line.procedureCode = ClaimCodes.procedure(s.required(n, 2), qualifier.equals("HC"), s.ref(n, 2));
    for (int c = 3; c <= 6; c++) {
      if (!s.component(n, c).isBlank()) {
        line.modifiers.add(ClaimCodes.modifier(s.component(n, c), s.ref(n, c)));
      }
    }
  }

  private static java.math.BigDecimal amount(X12Segment s, int n) {
    return s.element(n).isBlank() ? null : ClaimCodes.amount(s.element(n), s.ref(n));
  }

  private void closeClaim() {
    if (claim == null) {
      return;
    }
    OpenClaim closing = claim;
    claim = null;
    X12Fault fault = firstFault(closing);
    ClaimOrigin origin = origins.of(closing.clm.line(), lastLine);
    if (fault != null) {
      sink.accept(ParsedClaim.rejected(origin,
          fault.rejection(ClaimRejection.Scope.CLAIM, closing.draft.claimId)));
      return;
    }
    closing.draft.billingNpi = closing.billing == null ? null : closing.billing.npi;
    closing.draft.member = member(closing);
    if (closing.draft.dischargeTime != null) {
      // DTP*096 is sent on the bill that ends the stay: its statement period ends on the discharge day
      closing.draft.dischargeDate = closing.draft.through;
    }
    sink.accept(ParsedClaim.accepted(origin, closing.draft.build()));
  }

  private X12Fault firstFault(OpenClaim c) {
    for (PartyDraft level : new PartyDraft[] {c.billing, c.subscriber, c.patient}) {
      if (level != null && level.fault != null) {
        return level.fault;
      }
    }
    if (c.fault != null) {
      return c.fault;
    }
    return missing(c);
  }

  /** What the 837 requires of every claim and the model needs. */
  private X12Fault missing(OpenClaim c) {
    ClaimDraft draft = c.draft;
    if (!c.subscriber.named) {
      return X12Fault.of(c.subscriber.hl, "subscriber level HL01 '" + c.subscriber.hlId
          + "' has no subscriber name (2010BA NM1*IL): the claim has no member id");
    }
    if (type == ClaimType.INSTITUTIONAL && draft.from == null) {
      return X12Fault.of(c.clm, "the claim has no statement dates (DTP*434)");
    }
    if ((draft.frequencyCode.equals("7") || draft.frequencyCode.equals("8")) && draft.originalClaimId == null) {
      return new X12Fault("CLM", c.clm.position(), "CLM05-3", c.clm.line(), "frequency " + draft.frequencyCode
          + (draft.frequencyCode.equals("7") ? " (replacement)" : " (void)")
          + " without REF*F8: the claim it applies to is not named");
    }
    if (draft.diagnoses.stream().noneMatch(d -> d.role() == Diagnosis.Role.PRINCIPAL)) {
      return X12Fault.of(c.clm, "the claim has no principal diagnosis (HI*ABK)");
    }
    if (draft.lines.isEmpty()) {
      return X12Fault.of(c.clm, "the claim has no service line (2400 LX)");
    }
    for (int i = 0; i < draft.lines.size(); i++) {
      ClaimDraft.Line line = draft.lines.get(i);
      X12Segment lx = c.lxs.get(i);
      if (type == ClaimType.INSTITUTIONAL && line.revenueCode == null) {
        return X12Fault.of(lx, "service line " + line.number + " has no SV2");
      }
      if (type == ClaimType.PROFESSIONAL && line.procedureCode == null) {
        return X12Fault.of(lx, "service line " + line.number + " has no SV1");
      }
      if (type == ClaimType.PROFESSIONAL && line.from == null) {
        return X12Fault.of(lx, "service line " + line.number + " has no service date (DTP*472)");
      }
    }
    return null;
  }

  private Member member(OpenClaim c) {
    PartyDraft person = c.patient != null && c.patient.named ? c.patient : c.subscriber;
    return new Member(c.subscriber.memberId, person.familyName, person.givenName, person.middleName,
        person.birthDate, person.gender, person.address, c.patient != null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
