package org.casemgmt.adapter.claims;

import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.claims.Address;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;
import org.casemgmt.routes.claims.Diagnosis;
import org.casemgmt.routes.claims.Member;

/**
 * The staging rows of one chunk of claims, column values in {@link StagingTable} order (dates as LocalDate, numbers as
 * BigDecimal, nulls where nothing was sent).
 */
final class ClaimRows {
  final List<Object[]> claims = new ArrayList<>();
  final List<Object[]> lines = new ArrayList<>();
  final List<Object[]> diagnoses = new ArrayList<>();
  /** Members the claims describe (837); members known by id only (CSV) are in {@link #idOnlyMembers}. */
  final List<Object[]> members = new ArrayList<>();
  final List<String> idOnlyMembers = new ArrayList<>();

  void add(Claim claim, long fileId, long loadOrder, int firstLine) {
    claims.add(new Object[] {claim.claimId(), loadOrder, fileId, claim.member().id(), claim.type().name(),
        claim.frequencyCode() == null ? "1" : claim.frequencyCode(), claim.originalClaimId(), claim.typeOfBill(),
        claim.placeOfService(), claim.drg(), claim.admissionType(), claim.admissionSource(),
        claim.dischargeStatus(), claim.from(), claim.through(), claim.admissionDate(), claim.dischargeDate(),
        claim.billingNpi(), claim.renderingNpi(), claim.status().name(), firstLine});
    for (ClaimLine line : claim.lines()) {
      lines.add(new Object[] {claim.claimId(), line.lineNumber(), line.revenueCode(), line.procedureCode(),
          line.modifiers().isEmpty() ? null : String.join(":", line.modifiers()), line.placeOfService(),
          line.serviceFrom(), line.serviceThrough(), line.units(), line.charge()});
    }
    for (Diagnosis diagnosis : claim.diagnoses()) {
      diagnoses.add(new Object[] {claim.claimId(), diagnosis.role().name(), diagnosis.sequence(), diagnosis.code(),
          diagnosis.system().name(), diagnosis.presentOnAdmission()});
    }
    member(claim.member());
  }

  private void member(Member member) {
    if (member.familyName() == null && member.birthDate() == null) {
      idOnlyMembers.add(member.id());
      return;
    }
    Address address = member.address() == null ? new Address(null, null, null, null, null) : member.address();
    members.add(new Object[] {member.id(), member.familyName(), member.givenName(), member.middleName(),
        member.birthDate(), member.gender(), address.line1(), address.line2(), address.city(), address.state(),
        address.postalCode()});
  }

  List<String> claimIds() {
    return claims.stream().map(row -> (String) row[0]).toList();
  }

  List<String> describedMembers() {
    return members.stream().map(row -> (String) row[0]).distinct().toList();
  }

  int lineCount() {
    return lines.size();
  }
}
