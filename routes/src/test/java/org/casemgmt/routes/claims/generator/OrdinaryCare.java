package org.casemgmt.routes.claims.generator;

import static org.casemgmt.routes.claims.generator.Providers.pick;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The claims that make up most of any Medicaid claim file and must not count as psychiatric episodes: office
 * visits (99213 at POS 11, sometimes with labs), hospital outpatient bills (TOB 0131: clinic, lab, imaging), a few
 * emergency visits for medical reasons (revenue 0450 with a non-psychiatric diagnosis), and for members with a
 * psychiatric history their outpatient psychotherapy and medication visits. All on one day, with up to four lines.
 */
final class OrdinaryCare {
  private record Service(String revenueCode, String procedureCode, long cents) {
  }

  private static final List<Service> OFFICE_EXTRAS = List.of(new Service(null, "36415", 25_00),
      new Service(null, "85025", 30_00), new Service(null, "80053", 45_00), new Service(null, "83036", 40_00),
      new Service(null, "81002", 15_00), new Service(null, "93000", 60_00), new Service(null, "90471", 25_00));
  private static final List<Service> OUTPATIENT = List.of(new Service("0510", "G0463", 180_00),
      new Service("0300", "80053", 95_00), new Service("0300", "85025", 60_00), new Service("0320", "71046", 240_00),
      new Service("0250", null, 75_00), new Service("0730", "93005", 130_00));
  private static final double HOUSING_NOTE_SHARE = 0.3;

  private final ClaimFileFormat format;

  OrdinaryCare(ClaimFileFormat format) {
    this.format = format;
  }

  /** A claim on {@code day} with one to {@code maxLines} lines (maxLines at least 1). */
  PlannedClaim claim(SyntheticMember member, Random random, ClaimIds ids, LocalDate day, int maxLines) {
    boolean professional = !format.institutional() || format.professional() && random.nextInt(10) < 6;
    int lines = Math.min(maxLines, 1 + random.nextInt(4));
    PlannedClaim claim;
    if (professional) {
      claim = member.psychiatric() && random.nextInt(100) < 35 ? psychotherapy(member, random, ids, day)
          : officeVisit(random, ids, day, lines);
    } else {
      claim = random.nextInt(10) == 0 ? medicalEmergency(random, ids, day, lines)
          : outpatient(random, ids, day, lines);
    }
    if (claim.diagnoses.isEmpty()) {
      claim.diagnoses.add(MemberPopulation.pick(ClinicalCodes.GENERAL, random));
      String other = MemberPopulation.pick(ClinicalCodes.GENERAL, random);
      if (random.nextBoolean() && !other.equals(claim.diagnoses.get(0))) {
        claim.diagnoses.add(other);
      }
    }
    if (member.housingInstability() && random.nextDouble() < HOUSING_NOTE_SHARE) {
      claim.diagnoses.add(ClinicalCodes.HOUSING_INSTABILITY);
    }
    return claim;
  }

  private static PlannedClaim officeVisit(Random random, ClaimIds ids, LocalDate day, int lines) {
    int primary = random.nextInt(2);
    PlannedClaim claim = PlannedClaim.professional(ids.next(ClaimIds.OFFICE_VISIT),
        Providers.PRIMARY_CARE.get(primary), "11", pick(Providers.PRIMARY_CARE_PHYSICIANS, random));
    boolean longer = random.nextInt(4) == 0;
    claim.lines.add(PlannedLine.procedure(longer ? "99214" : "99213", List.of(), day, 1, longer ? 165_00 : 115_00));
    int first = random.nextInt(OFFICE_EXTRAS.size());
    for (int i = 1; i < lines; i++) {
      Service extra = OFFICE_EXTRAS.get((first + i) % OFFICE_EXTRAS.size());
      claim.lines.add(PlannedLine.procedure(extra.procedureCode(), List.of(), day, 1, extra.cents()));
    }
    return claim;
  }

  /** Psychotherapy (90834, 90837) or medication management (99214): psychiatric, yet no episode. */
  private static PlannedClaim psychotherapy(SyntheticMember member, Random random, ClaimIds ids, LocalDate day) {
    PlannedClaim claim = PlannedClaim.professional(ids.next(ClaimIds.PSYCHOTHERAPY),
        Providers.COMMUNITY_MENTAL_HEALTH, random.nextBoolean() ? "53" : "11", pick(Providers.THERAPISTS, random));
    String[] codes = {"90834", "90837", "99214"};
    claim.lines.add(PlannedLine.procedure(codes[random.nextInt(codes.length)], List.of(), day, 1, 150_00));
    claim.diagnoses.add(member.smiDiagnosis());
    return claim;
  }

  private static PlannedClaim outpatient(Random random, ClaimIds ids, LocalDate day, int lines) {
    PlannedClaim claim = PlannedClaim.institutional(ids.next(ClaimIds.OUTPATIENT),
        pick(Providers.GENERAL_HOSPITALS, random), "13", day, day);
    // consecutive entries of the list: different services, most often starting with the clinic visit
    int first = random.nextBoolean() ? 0 : random.nextInt(OUTPATIENT.size());
    for (int i = 0; i < lines; i++) {
      Service service = OUTPATIENT.get((first + i) % OUTPATIENT.size());
      claim.lines.add(PlannedLine.revenue(service.revenueCode(), service.procedureCode(), day, day, 1,
          service.cents()));
    }
    return claim;
  }

  private static PlannedClaim medicalEmergency(Random random, ClaimIds ids, LocalDate day, int lines) {
    PlannedClaim claim = PlannedClaim.institutional(ids.next(ClaimIds.MEDICAL_EMERGENCY),
        pick(Providers.GENERAL_HOSPITALS, random), "13", day, day);
    claim.lines.add(PlannedLine.revenue("0450", "99283", day, day, 1, 620_00));
    if (lines > 1) {
      claim.lines.add(PlannedLine.revenue("0300", "85025", day, day, 1, 60_00));
    }
    claim.diagnoses.add(MemberPopulation.pick(ClinicalCodes.EMERGENCY_GENERAL, random));
    return claim;
  }
}
