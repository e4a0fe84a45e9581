package org.casemgmt.routes.claims.generator;

import static org.casemgmt.routes.claims.generator.Providers.pick;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Psychiatric inpatient stays as hospitals bill them (REFERENCE 1.2): type of bill 011x, psychiatric semi-private
 * room and board (revenue 0124), a psychiatric principal diagnosis, admission and discharge dates, sometimes DRG 885.
 * Three shapes, each ONE episode: a stay on one bill (0111); a long stay on interim bills (0112, 0113, 0114) whose
 * statement periods follow each other without a gap; a transfer, where a general hospital's psychiatric unit
 * discharges to a psychiatric hospital (status 65) and that hospital admits the next day (point of origin 4). When
 * professional claims are written too, a psychiatrist often bills the visits during the stay (POS 51).
 */
final class InpatientScenarios {
  private static final long ROOM_AND_BOARD_PER_DAY = 1_450_00;
  private static final long PHARMACY_PER_DAY = 95_00;
  private static final long THERAPY_PER_SESSION = 220_00;
  private static final int INTERIM_BILL_DAYS = 20;

  /** What the bills of one stay share. */
  private record Stay(SyntheticMember member, Providers.Facility hospital, LocalDateTime admission, String source,
                      String admittingDiagnosis, String drg, Providers.Clinician attending) {
  }

  private final boolean professionalClaims;

  InpatientScenarios(boolean professionalClaims) {
    this.professionalClaims = professionalClaims;
  }

  Episode stay(SyntheticMember member, Random random, ClaimIds ids, LocalDate admitted) {
    int shape = random.nextInt(100);
    if (shape < 65) {
      return single(member, random, ids, admitted);
    }
    return shape < 85 ? transfer(member, random, ids, admitted) : interim(member, random, ids, admitted);
  }

  private Episode single(SyntheticMember member, Random random, ClaimIds ids, LocalDate admitted) {
    boolean freestanding = random.nextInt(10) < 6;
    Stay stay = stay(member, random, freestanding ? pick(Providers.PSYCHIATRIC_HOSPITALS, random)
        : pick(Providers.GENERAL_HOSPITALS, random), admitted, random.nextInt(7) == 0 ? "8" : "1");
    LocalDate discharged = admitted.plusDays(3 + random.nextInt(19));
    // 07: left against medical advice, which happens often enough on psychiatric units to show up
    String status = random.nextInt(10) == 0 ? "07" : "01";
    List<PlannedClaim> claims = new ArrayList<>();
    claims.add(bill(stay, random, ids, admitted, discharged, "1", status));
    rounding(stay, random, ids, admitted, discharged, claims);
    return new Episode(PsychiatricKind.INPATIENT, admitted, discharged, claims);
  }

  private Episode interim(SyntheticMember member, Random random, ClaimIds ids, LocalDate admitted) {
    Stay stay = stay(member, random, pick(Providers.PSYCHIATRIC_HOSPITALS, random), admitted, "8");
    LocalDate discharged = admitted.plusDays(2L * INTERIM_BILL_DAYS + 5 + random.nextInt(25));
    LocalDate second = admitted.plusDays(INTERIM_BILL_DAYS);
    LocalDate third = second.plusDays(INTERIM_BILL_DAYS);
    List<PlannedClaim> claims = new ArrayList<>();
    // 30: still a patient at the end of the bill's period
    claims.add(bill(stay, random, ids, admitted, second.minusDays(1), "2", "30"));
    claims.add(bill(stay, random, ids, second, third.minusDays(1), "3", "30"));
    claims.add(bill(stay, random, ids, third, discharged, "4", "01"));
    rounding(stay, random, ids, admitted, discharged, claims);
    return new Episode(PsychiatricKind.INPATIENT, admitted, discharged, claims);
  }

  private Episode transfer(SyntheticMember member, Random random, ClaimIds ids, LocalDate admitted) {
    Stay unit = stay(member, random, pick(Providers.GENERAL_HOSPITALS, random), admitted, "1");
    LocalDate transferred = admitted.plusDays(1 + random.nextInt(4));
    LocalDate readmitted = transferred.plusDays(1);
    Stay hospital = stay(member, random, pick(Providers.PSYCHIATRIC_HOSPITALS, random), readmitted, "4");
    LocalDate discharged = readmitted.plusDays(5 + random.nextInt(16));
    List<PlannedClaim> claims = new ArrayList<>();
    claims.add(bill(unit, random, ids, admitted, transferred, "1", "65"));
    claims.add(bill(hospital, random, ids, readmitted, discharged, "1", "01"));
    rounding(hospital, random, ids, readmitted, discharged, claims);
    return new Episode(PsychiatricKind.INPATIENT, admitted, discharged, claims);
  }

  private static Stay stay(SyntheticMember member, Random random, Providers.Facility hospital, LocalDate admitted,
                           String source) {
    LocalDateTime admission = admitted.atTime(random.nextInt(24), random.nextInt(4) * 15);
    String admitting = random.nextInt(3) == 0 ? ClinicalCodes.SUICIDAL_IDEATION : null;
    String drg = ClinicalCodes.psychotic(member.smiDiagnosis()) && random.nextBoolean()
        ? ClinicalCodes.DRG_PSYCHOSES : null;
    return new Stay(member, hospital, admission, source, admitting, drg, pick(Providers.PSYCHIATRISTS, random));
  }

  /** One bill of a stay; status 30 (still a patient) leaves the discharge out. */
  private static PlannedClaim bill(Stay stay, Random random, ClaimIds ids, LocalDate from, LocalDate through,
                                   String frequency, String dischargeStatus) {
    PlannedClaim claim = PlannedClaim.institutional(ids.next(ClaimIds.INPATIENT), stay.hospital(), "11", from,
        through);
    claim.frequency = frequency;
    claim.admission = stay.admission();
    boolean discharged = !dischargeStatus.equals("30");
    claim.dischargeHour = discharged ? LocalTime.of(9 + random.nextInt(8), random.nextInt(4) * 15) : null;
    claim.admissionType = "1";
    claim.admissionSource = stay.source();
    claim.dischargeStatus = dischargeStatus;
    claim.drg = stay.drg();
    claim.diagnoses.add(stay.member().smiDiagnosis());
    if (stay.member().housingInstability() && random.nextBoolean()) {
      claim.diagnoses.add(ClinicalCodes.HOUSING_INSTABILITY);
    }
    claim.admittingDiagnosis = stay.admittingDiagnosis();
    claim.clinician = stay.attending();
    // Room and board is billed per night: the discharge day is not one, the last day of an interim bill is.
    int days = (int) ChronoUnit.DAYS.between(from, through) + (discharged ? 0 : 1);
    claim.lines.add(PlannedLine.roomAndBoard("0124", from, through, days, days * ROOM_AND_BOARD_PER_DAY));
    if (random.nextBoolean()) {
      claim.lines.add(PlannedLine.revenue("0250", null, from, through, days, days * PHARMACY_PER_DAY));
    }
    if (random.nextInt(10) < 3) {
      int sessions = 1 + days / 3;
      claim.lines.add(PlannedLine.revenue("0914", null, from, through, sessions, sessions * THERAPY_PER_SESSION));
    }
    return claim;
  }

  /** The psychiatrist's claim: initial hospital care on admission, a visit two days in, the discharge day. */
  private void rounding(Stay stay, Random random, ClaimIds ids, LocalDate admitted, LocalDate discharged,
                        List<PlannedClaim> claims) {
    if (!professionalClaims || random.nextInt(10) >= 6) {
      return;
    }
    PlannedClaim claim = PlannedClaim.professional(ids.next(ClaimIds.ROUNDING), Providers.PSYCHIATRY_GROUP, "51",
        stay.attending());
    claim.diagnoses.add(stay.member().smiDiagnosis());
    claim.lines.add(PlannedLine.procedure("99223", List.of(), admitted, 1, 410_00));
    if (ChronoUnit.DAYS.between(admitted, discharged) >= 4) {
      claim.lines.add(PlannedLine.procedure("99232", List.of(), admitted.plusDays(2), 1, 160_00));
    }
    claim.lines.add(PlannedLine.procedure("99238", List.of(), discharged, 1, 150_00));
    claims.add(claim);
  }
}
