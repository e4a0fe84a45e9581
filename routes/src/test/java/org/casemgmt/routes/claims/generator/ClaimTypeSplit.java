package org.casemgmt.routes.claims.generator;

import java.io.IOException;

/** The X12 pair: institutional claims to the 837I writer, professional ones to the 837P writer. */
final class ClaimTypeSplit implements ClaimWriter {
  private final ClaimWriter institutional;
  private final ClaimWriter professional;

  ClaimTypeSplit(ClaimWriter institutional, ClaimWriter professional) {
    this.institutional = institutional;
    this.professional = professional;
  }

  @Override
  public void write(SyntheticMember member, PlannedClaim claim) throws IOException {
    (claim.institutional() ? institutional : professional).write(member, claim);
  }

  @Override
  public void close() throws IOException {
    try (professional) {
      institutional.close();
    }
  }
}
