package org.casemgmt.routes.claims.generator;

import java.io.IOException;
import java.nio.file.Path;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.x12.generator.X12Envelopes;

/**
 * An 837 file of one claim type. Claims arrive member by member; the hierarchical levels are written as they change:
 * a billing provider level (2000A, HL03 20) when the billing provider changes, a subscriber level (2000B, HL03 22)
 * under it when the member or the provider changes. The member is their own subscriber, as Medicaid members are, so
 * there is no patient level (2000C) and the demographics are in 2010BA (NM1*IL, N3, N4, DMG).
 */
final class X12ClaimWriter implements ClaimWriter {
  static final String INSTITUTIONAL_VERSION = "005010X223A2";
  static final String PROFESSIONAL_VERSION = "005010X222A1";

  private final X12Envelopes envelopes;
  private final X12ClaimSegments claims;
  private int hl;
  private Providers.Facility billing;
  private int billingHl;
  private int subscriber = -1;

  X12ClaimWriter(Path file, ClaimType type, int claimsPerTransaction) throws IOException {
    this.envelopes = new X12Envelopes(file, "HC", "837",
        type == ClaimType.INSTITUTIONAL ? INSTITUTIONAL_VERSION : PROFESSIONAL_VERSION, claimsPerTransaction,
        X12ClaimWriter::header);
    this.claims = new X12ClaimSegments(envelopes);
  }

  /** BHT and the submitter and receiver names (1000A, 1000B), which open every 837 transaction set. */
  private static void header(X12Envelopes out, String transactionNumber) throws IOException {
    // BHT06 RP: an encounter report, which is what a state Medicaid agency forwards
    out.segment().append("BHT*0019*00*").append(transactionNumber).append('*').append(X12Envelopes.DATE_TIME)
        .append("*RP");
    out.write();
    out.segment().append("NM1*41*2*ILLINOIS MEDICAID*****46*").append(X12Envelopes.SENDER);
    out.write();
    out.segment().append("PER*IC*EDI DESK*TE*2175550100");
    out.write();
    out.segment().append("NM1*40*2*CASE MANAGEMENT ADAPTER*****46*").append(X12Envelopes.RECEIVER);
    out.write();
  }

  @Override
  public void write(SyntheticMember member, PlannedClaim claim) throws IOException {
    if (envelopes.nextItem()) {
      hl = 0;
      billing = null;
    }
    if (!claim.billing.equals(billing)) {
      billing = claim.billing;
      billingHl = ++hl;
      billingProvider();
      subscriber = -1;
    }
    if (member.index() != subscriber) {
      subscriber = member.index();
      subscriber(member);
    }
    claims.write(claim);
  }

  @Override
  public void close() throws IOException {
    envelopes.close();
  }

  private void billingProvider() throws IOException {
    envelopes.segment().append("HL*").append(billingHl).append("**20*1");
    envelopes.write();
    envelopes.segment().append("PRV*BI*PXC*").append(billing.taxonomy());
    envelopes.write();
    envelopes.segment().append("NM1*85*2*").append(billing.name()).append("*****XX*").append(billing.npi());
    envelopes.write();
    envelopes.segment().append("N3*").append(billing.street());
    envelopes.write();
    envelopes.segment().append("N4*").append(billing.city()).append("*IL*").append(billing.zip());
    envelopes.write();
    envelopes.segment().append("REF*EI*").append(billing.taxId());
    envelopes.write();
  }

  private void subscriber(SyntheticMember member) throws IOException {
    envelopes.segment().append("HL*").append(++hl).append('*').append(billingHl).append("*22*0");
    envelopes.write();
    // P primary payer, 18 self, MC Medicaid
    envelopes.segment().append("SBR*P*18*******MC");
    envelopes.write();
    envelopes.segment().append("NM1*IL*1*").append(member.familyName()).append('*').append(member.givenName())
        .append('*').append(member.middleInitial()).append("***MI*").append(member.id());
    envelopes.write();
    envelopes.segment().append("N3*").append(member.street());
    envelopes.write();
    envelopes.segment().append("N4*").append(member.place().city()).append("*IL*").append(member.place().zip());
    envelopes.write();
    Text.d8(envelopes.segment().append("DMG*D8*"), member.birthDate()).append('*').append(member.gender());
    envelopes.write();
    envelopes.segment().append("NM1*PR*2*ILLINOIS MEDICAID*****PI*").append("ILMCD");
    envelopes.write();
  }
}
