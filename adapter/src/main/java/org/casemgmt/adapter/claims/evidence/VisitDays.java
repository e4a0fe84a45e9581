package org.casemgmt.adapter.claims.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;

/**
 * Emergency visits and crisis services (REFERENCE 1.3) and outpatient mental-health visits, one episode per day of
 * service: several lines or claims on one day (a facility's and a clinician's bill for one visit, four 15-minute
 * crisis units, psychotherapy with an evaluation add-on) are one contact. A line billed over several days (a per-diem
 * crisis stabilization or day treatment) counts on its first day: one contact, not one a day.
 */
final class VisitDays {
  private final ClaimEvidencePolicy policy;

  VisitDays(ClaimEvidencePolicy policy) {
    this.policy = policy;
  }

  /**
   * Emergency-room days of claims with a psychiatric principal diagnosis, except those that turned into an admission:
   * a day during a stay, or shortly before it, is that stay's emergency room and counts as the stay alone.
   */
  List<EpisodeDraft> emergencyVisits(List<Claim> claims, List<EpisodeDraft> stays) {
    List<Claim> psychiatric = claims.stream().filter(policy::hasPsychiatricPrincipal).toList();
    return days(ClaimEpisodeKind.EMERGENCY, psychiatric, this::isEmergency).stream()
        .filter(visit -> stays.stream().noneMatch(stay -> becameAdmission(visit.start(), stay)))
        .toList();
  }

  /** Days with a crisis service, whatever the diagnosis: the service itself is the evidence. */
  List<EpisodeDraft> crisisEpisodes(List<Claim> claims) {
    return days(ClaimEpisodeKind.CRISIS, claims,
        (claim, line) -> policy.crisisProcedures().contains(line.procedureCode()));
  }

  /**
   * Days of outpatient mental-health care on claims with a psychiatric principal diagnosis: follow-up evidence (FUH).
   * A day during a stay is the stay's own care billed by a clinician, not a visit after it. A day with a crisis
   * service is that crisis episode (crisis psychotherapy, 90839, is billed with the intervention, often by a
   * community mental health center), itself an ambulatory contact: one contact is not recorded twice.
   */
  List<EpisodeDraft> outpatientVisits(List<Claim> claims, List<EpisodeDraft> stays, List<EpisodeDraft> crises) {
    List<Claim> psychiatric = claims.stream().filter(policy::hasPsychiatricPrincipal).toList();
    return days(ClaimEpisodeKind.MENTAL_HEALTH_OUTPATIENT, psychiatric, this::isOutpatientMentalHealth).stream()
        .filter(visit -> stays.stream().noneMatch(stay -> during(visit.start(), stay)))
        .filter(visit -> crises.stream().noneMatch(crisis -> crisis.start().equals(visit.start())))
        .toList();
  }

  private boolean isOutpatientMentalHealth(Claim claim, ClaimLine line) {
    return policy.outpatientMentalHealthProcedures().contains(line.procedureCode())
        || policy.outpatientMentalHealthPlacesOfService().contains(PlaceOfService.of(claim, line));
  }

  private boolean isEmergency(Claim claim, ClaimLine line) {
    return policy.emergencyRevenueCodes().contains(line.revenueCode())
        || policy.emergencyPlacesOfService().contains(PlaceOfService.of(claim, line));
  }

  private static boolean during(LocalDate day, EpisodeDraft stay) {
    return !day.isBefore(stay.start()) && !day.isAfter(stay.end());
  }

  private boolean becameAdmission(LocalDate day, EpisodeDraft stay) {
    return !day.isBefore(stay.start().minusDays(policy.emergencyBeforeAdmissionDays())) && !day.isAfter(stay.end());
  }

  private static List<EpisodeDraft> days(ClaimEpisodeKind kind, List<Claim> claims,
      BiPredicate<Claim, ClaimLine> counts) {
    Map<LocalDate, EpisodeDraft> byDay = new TreeMap<>();
    for (Claim claim : claims) {
      claim.lines().stream().filter(line -> counts.test(claim, line)).map(line -> ServiceDates.day(claim, line))
          .distinct()
          .forEach(day -> byDay.computeIfAbsent(day, d -> new EpisodeDraft(kind, d, d)).add(claim, day));
    }
    return List.copyOf(byDay.values());
  }
}
