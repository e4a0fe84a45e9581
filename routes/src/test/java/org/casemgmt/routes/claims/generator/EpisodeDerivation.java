package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.ClaimType;

/**
 * A plain reading of REFERENCE.md 1.2.3 and 1.3 over parsed claims, written apart from the generator, to check that
 * the manifest says what such rules derive: resolve adjustments (a frequency 7 or 8 claim takes its original out,
 * a void counts for nothing), then
 * <ul>
 *   <li>inpatient: institutional claims with type of bill 011x and an F2x/F3x principal diagnosis, per member chained
 *       while a claim starts no later than the day after the previous one ends (interim bills, transfers);</li>
 *   <li>emergency: a psychiatric principal diagnosis on a 013x bill with a 045x line or on a POS 23 claim, one per
 *       member and day;</li>
 *   <li>crisis: professional lines H2011, S9484, S9485, 90839 or 90840, one per member and day;</li>
 * </ul>
 * counted over the claims not denied, and separately over the denied ones.
 */
record EpisodeDerivation(long inpatientEpisodes, long emergencyVisitDays, long crisisServiceDays,
                         long deniedInpatientEpisodes, long deniedEmergencyVisitDays, long deniedCrisisServiceDays,
                         int membersWithRepeatedStays) {
  private static final Set<String> CRISIS_CODES = Set.of("H2011", "S9484", "S9485", "90839", "90840");

  static EpisodeDerivation of(List<Claim> claims) {
    Set<String> takenOut = claims.stream().filter(c -> c.isReplacement() || c.isVoid())
        .map(Claim::originalClaimId).collect(Collectors.toSet());
    List<Claim> standing = claims.stream().filter(c -> !c.isVoid() && !takenOut.contains(c.claimId())).toList();
    List<Claim> paid = standing.stream().filter(c -> c.status() != ClaimStatus.DENIED).toList();
    List<Claim> denied = standing.stream().filter(c -> c.status() == ClaimStatus.DENIED).toList();
    Map<String, Integer> stays = staysPerMember(paid);
    return new EpisodeDerivation(sum(stays), emergencyDays(paid), crisisDays(paid), sum(staysPerMember(denied)),
        emergencyDays(denied), crisisDays(denied), (int) stays.values().stream().filter(n -> n >= 2).count());
  }

  static boolean psychiatric(Claim claim) {
    return claim.principalDiagnosis().map(d -> d.code().startsWith("F2") || d.code().startsWith("F3"))
        .orElse(false);
  }

  private static Map<String, Integer> staysPerMember(List<Claim> claims) {
    Map<String, List<Claim>> byMember = claims.stream()
        .filter(c -> c.type() == ClaimType.INSTITUTIONAL && c.typeOfBill().startsWith("011") && psychiatric(c))
        .collect(Collectors.groupingBy(c -> c.member().id(), TreeMap::new, Collectors.toList()));
    Map<String, Integer> stays = new TreeMap<>();
    byMember.forEach((member, bills) -> {
      List<Claim> inOrder = new ArrayList<>(bills);
      inOrder.sort(Comparator.comparing(Claim::from));
      int count = 0;
      LocalDate joins = null;
      for (Claim bill : inOrder) {
        if (joins == null || bill.from().isAfter(joins)) {
          count++;
        }
        LocalDate next = bill.through().plusDays(1);
        joins = joins == null || next.isAfter(joins) ? next : joins;
      }
      stays.put(member, count);
    });
    return stays;
  }

  private static long emergencyDays(List<Claim> claims) {
    Predicate<Claim> facility = c -> c.type() == ClaimType.INSTITUTIONAL && c.typeOfBill().startsWith("013")
        && c.lines().stream().anyMatch(l -> l.revenueCode().startsWith("045"));
    Predicate<Claim> physician = c -> c.type() == ClaimType.PROFESSIONAL
        && c.lines().stream().anyMatch(l -> "23".equals(l.placeOfService()));
    return claims.stream().filter(c -> psychiatric(c) && (facility.test(c) || physician.test(c)))
        .map(c -> c.member().id() + " " + c.from()).distinct().count();
  }

  private static long crisisDays(List<Claim> claims) {
    Set<String> days = new HashSet<>();
    for (Claim claim : claims) {
      if (claim.type() == ClaimType.PROFESSIONAL) {
        for (ClaimLine line : claim.lines()) {
          if (CRISIS_CODES.contains(line.procedureCode())) {
            days.add(claim.member().id() + " " + line.serviceFrom());
          }
        }
      }
    }
    return days.size();
  }

  private static long sum(Map<String, Integer> perMember) {
    return perMember.values().stream().mapToLong(Integer::longValue).sum();
  }
}
