package org.casemgmt.routes.claims.generator;

import static org.casemgmt.routes.claims.generator.Providers.pick;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One-day psychiatric episodes (REFERENCE 1.3). A crisis service is a professional claim: mobile crisis
 * intervention (H2011 per 15 minutes, at POS 15 mobile unit or 12 home, often with crisis psychotherapy 90839), crisis
 * intervention per hour (S9484) or per diem (S9485) at a community mental health center (POS 53). A psychiatric
 * emergency visit is the hospital's outpatient bill (TOB 0131 with an ED line, revenue 0450), the ED physician's claim
 * (POS 23), or both on the same day: one visit, which is why the manifest counts emergency days, not claims.
 */
final class CrisisAndEmergencyScenarios {
  private final boolean institutionalClaims;
  private final boolean professionalClaims;

  CrisisAndEmergencyScenarios(ClaimFileFormat format) {
    this.institutionalClaims = format.institutional();
    this.professionalClaims = format.professional();
  }

  Episode crisis(SyntheticMember member, Random random, ClaimIds ids, LocalDate day) {
    int service = random.nextInt(10);
    PlannedClaim claim;
    if (service < 6) {
      claim = PlannedClaim.professional(ids.next(ClaimIds.CRISIS), Providers.CRISIS_TEAM,
          random.nextBoolean() ? "15" : "12", pick(Providers.THERAPISTS, random));
      int quarterHours = 4 + random.nextInt(5);
      // HT: multi-disciplinary team, as mobile crisis teams bill in several states
      claim.lines.add(PlannedLine.procedure("H2011", random.nextBoolean() ? List.of("HT") : List.of(), day,
          quarterHours, quarterHours * 37_50L));
      if (random.nextBoolean()) {
        claim.lines.add(PlannedLine.procedure("90839", List.of(), day, 1, 180_00));
      }
    } else {
      claim = PlannedClaim.professional(ids.next(ClaimIds.CRISIS), Providers.COMMUNITY_MENTAL_HEALTH, "53",
          pick(Providers.THERAPISTS, random));
      if (service < 9) {
        int hours = 1 + random.nextInt(3);
        claim.lines.add(PlannedLine.procedure("S9484", List.of(), day, hours, hours * 135_00L));
      } else {
        claim.lines.add(PlannedLine.procedure("S9485", List.of(), day, 1, 610_00));
      }
    }
    diagnoses(claim, member, random);
    return new Episode(PsychiatricKind.CRISIS, day, day, List.of(claim));
  }

  Episode emergency(SyntheticMember member, Random random, ClaimIds ids, LocalDate day) {
    boolean facility = institutionalClaims;
    boolean physician = professionalClaims;
    if (facility && physician) {
      int who = random.nextInt(10);
      facility = who < 8;
      physician = who >= 4;
    }
    List<PlannedClaim> claims = new ArrayList<>(2);
    if (facility) {
      PlannedClaim bill = PlannedClaim.institutional(ids.next(ClaimIds.EMERGENCY),
          pick(Providers.GENERAL_HOSPITALS, random), "13", day, day);
      boolean severe = random.nextBoolean();
      bill.lines.add(PlannedLine.revenue("0450", severe ? "99285" : "99284", day, day, 1,
          severe ? 1_480_00 : 960_00));
      if (random.nextBoolean()) {
        bill.lines.add(PlannedLine.revenue("0300", "80305", day, day, 1, 65_00)); // drug screen
      }
      diagnoses(bill, member, random);
      claims.add(bill);
    }
    if (physician) {
      PlannedClaim claim = PlannedClaim.professional(ids.next(ClaimIds.EMERGENCY), Providers.EMERGENCY_GROUP, "23",
          pick(Providers.EMERGENCY_PHYSICIANS, random));
      claim.lines.add(PlannedLine.procedure(random.nextBoolean() ? "99285" : "99284", List.of(), day, 1, 390_00));
      diagnoses(claim, member, random);
      claims.add(claim);
    }
    return new Episode(PsychiatricKind.EMERGENCY, day, day, claims);
  }

  /** The smallest episode the format can carry, one claim of one line, for a member with almost no lines left. */
  Episode smallest(SyntheticMember member, Random random, ClaimIds ids, LocalDate day) {
    Episode episode = professionalClaims ? crisis(member, random, ids, day) : emergency(member, random, ids, day);
    PlannedClaim claim = episode.claims().get(0);
    claim.lines.subList(1, claim.lines.size()).clear();
    return new Episode(episode.kind(), day, day, List.of(claim));
  }

  private static void diagnoses(PlannedClaim claim, SyntheticMember member, Random random) {
    claim.diagnoses.add(member.smiDiagnosis());
    if (random.nextInt(3) == 0) {
      claim.diagnoses.add(ClinicalCodes.SUICIDAL_IDEATION);
    }
    if (member.housingInstability() && random.nextBoolean()) {
      claim.diagnoses.add(ClinicalCodes.HOUSING_INSTABILITY);
    }
  }
}
