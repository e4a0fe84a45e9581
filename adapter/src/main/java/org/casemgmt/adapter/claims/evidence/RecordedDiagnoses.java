package org.casemgmt.adapter.claims.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.Diagnosis;

/**
 * The diagnoses worth recording from claims (mental and behavioural disorders, social determinants), each with the
 * claims that carried it: how often and over what time a code was billed is what confirms a diagnosis by claims
 * ("one inpatient or two other claims", REFERENCE 1.1).
 */
final class RecordedDiagnoses {
  private static final Comparator<Code> BY_CODE = Comparator.comparing(Code::code)
      .thenComparing(code -> code.system().url());

  private final ClaimEvidencePolicy policy;

  RecordedDiagnoses(ClaimEvidencePolicy policy) {
    this.policy = policy;
  }

  /** Sorted by code, then code system. */
  List<ClaimDiagnosis> find(List<Claim> claims) {
    Map<Code, List<Claim>> carriers = new TreeMap<>(BY_CODE);
    for (Claim claim : claims) {
      // A code may stand on a claim twice (principal and admitting): the claim carries it once.
      claim.diagnoses().stream().filter(policy.recordedDiagnoses()::matches)
          .map(diagnosis -> new Code(diagnosis.code(), diagnosis.system())).distinct()
          .forEach(code -> carriers.computeIfAbsent(code, c -> new ArrayList<>()).add(claim));
    }
    return carriers.entrySet().stream().map(entry -> recorded(entry.getKey(), entry.getValue())).toList();
  }

  private static ClaimDiagnosis recorded(Code code, List<Claim> claims) {
    LocalDate first = claims.stream().map(ServiceDates::firstDay).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = claims.stream().map(ServiceDates::lastDay).max(Comparator.naturalOrder()).orElseThrow();
    List<String> claimIds = claims.stream().map(Claim::claimId).distinct().sorted().toList();
    boolean deniedOnly = claims.stream().allMatch(claim -> claim.status() == ClaimStatus.DENIED);
    return new ClaimDiagnosis(code.code(), code.system().url(), first, last, claimIds.size(), deniedOnly, claimIds);
  }

  private record Code(String code, Diagnosis.CodeSystem system) {}
}
