package org.casemgmt.routes.claims.generator;

import java.io.IOException;
import java.time.LocalDate;
import org.casemgmt.routes.x12.generator.X12Envelopes;

/**
 * One claim as 837 segments: loop 2300 (CLM, dates, CL1, REF*F8, HI, the attending or rendering provider) and a
 * 2400 loop per line (LX, SV2 or SV1, DTP*472), in the order the 5010 guides give. Diagnoses lose their dot, as
 * the 837 carries them.
 */
final class X12ClaimSegments {
  private final X12Envelopes out;

  X12ClaimSegments(X12Envelopes out) {
    this.out = out;
  }

  void write(PlannedClaim claim) throws IOException {
    StringBuilder clm = out.segment().append("CLM*").append(claim.id).append('*');
    Text.amount(clm, claim.chargeCents()).append("***");
    // CLM05: facility type (837I) or place of service (837P), the qualifier A or B, the frequency
    clm.append(claim.institutional() ? claim.facilityType + ":A:" : claim.placeOfService + ":B:")
        .append(claim.frequency).append(claim.institutional() ? "**A*Y*Y" : "*Y*A*Y*Y");
    out.write();
    if (claim.institutional()) {
      institutionalDates(claim);
    }
    if (claim.originalId != null) {
      out.segment().append("REF*F8*").append(claim.originalId);
      out.write();
    }
    diagnoses(claim);
    if (claim.clinician != null) {
      // 2310A attending (837I) or 2310B rendering (837P) provider
      out.segment().append(claim.institutional() ? "NM1*71*1*" : "NM1*82*1*")
          .append(claim.clinician.familyName()).append('*').append(claim.clinician.givenName())
          .append("****XX*").append(claim.clinician.npi());
      out.write();
    }
    for (int n = 0; n < claim.lines.size(); n++) {
      line(claim, n);
    }
  }

  /** Discharge hour (096) on the bill that ends a stay, statement period (434), admission (435), CL1. */
  private void institutionalDates(PlannedClaim claim) throws IOException {
    if (claim.dischargeHour != null) {
      Text.hhmm(out.segment().append("DTP*096*TM*"), claim.dischargeHour);
      out.write();
    }
    period(out.segment().append("DTP*434*"), claim.statementFrom, claim.statementThrough);
    out.write();
    if (claim.admission != null) {
      StringBuilder admitted = Text.d8(out.segment().append("DTP*435*DT*"), claim.admission.toLocalDate());
      Text.hhmm(admitted, claim.admission.toLocalTime());
      out.write();
      out.segment().append("CL1*").append(claim.admissionType).append('*').append(claim.admissionSource)
          .append('*').append(claim.dischargeStatus);
      out.write();
    }
  }

  /**
   * HI: the principal diagnosis (ABK); on an 837I then the admitting diagnosis (ABJ) and the DRG (DR) each in a
   * segment of their own and the other diagnoses (ABF) in one more; on an 837P all codes in one segment.
   */
  private void diagnoses(PlannedClaim claim) throws IOException {
    String principal = claim.diagnoses.get(0);
    if (claim.malformation == Malformation.DIAGNOSIS_OF_WRONG_SHAPE) {
      principal = Malformation.wrongShape(principal);
    }
    StringBuilder hi = out.segment().append("HI*ABK:").append(plain(principal));
    if (claim.institutional()) {
      out.write();
      optional("HI*ABJ:", claim.admittingDiagnosis == null ? null : plain(claim.admittingDiagnosis));
      optional("HI*DR:", claim.drg);
      if (claim.diagnoses.size() == 1) {
        return;
      }
      hi = out.segment().append("HI");
    }
    for (int i = 1; i < claim.diagnoses.size(); i++) {
      hi.append("*ABF:").append(plain(claim.diagnoses.get(i)));
    }
    out.write();
  }

  private void optional(String prefix, String value) throws IOException {
    if (value != null) {
      out.segment().append(prefix).append(value);
      out.write();
    }
  }

  private void line(PlannedClaim claim, int n) throws IOException {
    PlannedLine line = claim.lines.get(n);
    out.segment().append("LX*").append(n + 1);
    out.write();
    StringBuilder sv = out.segment();
    if (claim.institutional()) {
      sv.append("SV2*").append(line.revenueCode()).append('*');
      if (line.procedureCode() != null) {
        sv.append("HC:").append(line.procedureCode());
      }
      Text.amount(sv.append('*'), line.chargeCents()).append(line.days() ? "*DA*" : "*UN*").append(line.units());
    } else {
      sv.append("SV1*HC:").append(line.procedureCode());
      for (String modifier : line.modifiers()) {
        sv.append(':').append(modifier);
      }
      // SV107: the line points at the principal diagnosis
      Text.amount(sv.append('*'), line.chargeCents()).append("*UN*").append(line.units()).append("***1");
    }
    out.write();
    StringBuilder dtp = out.segment().append("DTP*472*");
    if (n == 0 && claim.malformation == Malformation.IMPOSSIBLE_SERVICE_DATE) {
      dtp.append("D8*").append(Malformation.impossibleDate(line.from(), false));
    } else {
      period(dtp, line.from(), line.through());
    }
    out.write();
  }

  /** D8 for one day, RD8 for a range. */
  private static StringBuilder period(StringBuilder out, LocalDate from, LocalDate through) {
    if (from.equals(through)) {
      return Text.d8(out.append("D8*"), from);
    }
    return Text.d8(Text.d8(out.append("RD8*"), from).append('-'), through);
  }

  private static String plain(String code) {
    return code.replace(".", "");
  }
}
