package org.casemgmt.routes.claims.generator;

import java.nio.file.Path;
import java.util.List;

/** Counts what the planner wrote, member by member, into the {@link ClaimFileManifest}. */
final class ManifestTally {
  private final long[] inForce = new long[PsychiatricKind.values().length];
  private final long[] denied = new long[PsychiatricKind.values().length];
  private int psychiatricMembers;
  private int housingMembers;
  private int membersWithRepeatedStays;
  private long claims;
  private long lines;
  private long institutional;
  private long malformed;
  private long malformedLines;
  private long replaced;
  private long voided;
  private long deniedClaims;

  /** Every episode is one day or one stay, and a member's episodes are a month apart: one episode, one count. */
  void episode(PsychiatricKind kind, Fate fate) {
    switch (fate) {
      case PLAIN, REPLACED -> inForce[kind.ordinal()]++;
      case DENIED -> denied[kind.ordinal()]++;
      case VOIDED -> {
        // cancelled: counts nowhere
      }
    }
  }

  void member(SyntheticMember member, List<PlannedClaim> written, int staysInForce) {
    psychiatricMembers += member.psychiatric() ? 1 : 0;
    membersWithRepeatedStays += staysInForce >= 2 ? 1 : 0;
    boolean housing = false;
    for (PlannedClaim claim : written) {
      claims++;
      lines += claim.lineCount();
      institutional += claim.institutional() ? 1 : 0;
      if (claim.malformation != null) {
        malformed++;
        malformedLines += claim.lineCount();
      }
      replaced += claim.frequency.equals("7") ? 1 : 0;
      voided += claim.frequency.equals("8") ? 1 : 0;
      deniedClaims += claim.denied ? 1 : 0;
      housing |= claim.inForce() && !claim.denied && claim.diagnoses.contains(ClinicalCodes.HOUSING_INSTABILITY);
    }
    housingMembers += housing ? 1 : 0;
  }

  ClaimFileManifest manifest(ClaimFileRequest request, List<Path> files) {
    int i = PsychiatricKind.INPATIENT.ordinal();
    int e = PsychiatricKind.EMERGENCY.ordinal();
    int c = PsychiatricKind.CRISIS.ordinal();
    return new ClaimFileManifest(request.format(), request.seed(), request.members(), psychiatricMembers,
        housingMembers, claims, lines, institutional, claims - institutional, malformed, malformedLines, replaced,
        voided, deniedClaims, inForce[i], inForce[e], inForce[c], denied[i], denied[e], denied[c],
        membersWithRepeatedStays, files);
  }
}
