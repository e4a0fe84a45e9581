package org.casemgmt.adapter.claims.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.Diagnosis;
import org.yaml.snakeyaml.Yaml;

/**
 * One member's claims and the evidence expected from them, under the shipped policy or a variation of it. A case
 * file ({@code src/test/resources/claims/evidence/*.yaml}) holds a list of cases:
 *
 * <pre>
 * - name: a single 0111 stay with psychiatric room and board is one episode
 *   policy: {denied-claims: ignore, transfer-gap-days: 0}     # optional, changes to the shipped policy
 *   claims:                                                    # see TestClaims
 *     - {id: IP-1, bill: "0111", from: 2025-03-02, through: 2025-03-10, dx: [F20.9], lines: [{revenue: "0124"}]}
 *   episodes:                                                  # all of them, in order; left out: not checked
 *     - inpatient 2025-03-02..2025-03-10 F20.9 IP-1            # kind start[..end] principal|- ids [denied] [part2]
 *   providers:                                                 # each episode's, in order; left out: not checked
 *     - 1234567893 attending:1245319599                        # billing NPI|- then role:npi of the others
 *   diagnoses:                                                 # all of them, in order; left out: not checked
 *     - F20.9 icd-10-cm 2025-03-02..2025-03-10 1 IP-1          # code system first..last count ids [denied-only]
 * </pre>
 */
record ClaimEvidenceCase(String name, Map<String, Object> policy, List<Claim> claims, List<String> episodes,
    List<String> providers, List<String> diagnoses) {

  static final Path CASES = Path.of("src/test/resources/claims/evidence");
  private static final Set<String> CASE_KEYS = Set.of("name", "policy", "claims", "episodes", "providers",
      "diagnoses");

  @Override
  public String toString() {
    return name;
  }

  static Stream<ClaimEvidenceCase> all() {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream()
          .flatMap(file -> read(file).stream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policy of the case: the shipped one with the case's changes. */
  ClaimEvidencePolicy policy(ClaimEvidencePolicy shipped) {
    TestClaims.only(policy, Set.of("denied-claims", "transfer-gap-days", "emergency-before-admission-days"), name);
    return new ClaimEvidencePolicy(shipped.inpatientBillTypes(), shipped.psychiatricRoomAndBoard(),
        shipped.psychiatricDrgs(), shipped.inpatientPlacesOfService(), shipped.emergencyRevenueCodes(),
        shipped.emergencyPlacesOfService(), shipped.crisisProcedures(), shipped.outpatientMentalHealthProcedures(),
        shipped.outpatientMentalHealthPlacesOfService(), shipped.psychiatricDiagnoses(),
        shipped.recordedDiagnoses(),
        (Integer) policy.getOrDefault("transfer-gap-days", shipped.transferGapDays()),
        (Integer) policy.getOrDefault("emergency-before-admission-days", shipped.emergencyBeforeAdmissionDays()),
        policy.containsKey("denied-claims")
            ? DeniedClaims.valueOf(policy.get("denied-claims").toString().toUpperCase(Locale.ROOT))
            : shipped.deniedClaims());
  }

  /** An episode as the case files write it. */
  static String describe(ClaimEpisode episode) {
    String days = episode.start().equals(episode.end()) ? episode.start().toString()
        : episode.start() + ".." + episode.end();
    return episode.kind().name().toLowerCase(Locale.ROOT) + " " + days + " "
        + (episode.principalDiagnosis() == null ? "-" : episode.principalDiagnosis()) + " "
        + String.join(",", episode.claimIds()) + (episode.denied() ? " denied" : "")
        + (episode.substanceUseProgram() ? " part2" : "");
  }

  /** An episode's providers as the case files write them. */
  static String describe(EpisodeProviders providers) {
    return Stream.concat(Stream.of(providers.billingNpi() == null ? "-" : providers.billingNpi()),
            providers.others().stream()
                .map(other -> other.role().name().toLowerCase(Locale.ROOT) + ":" + other.npi()))
        .collect(Collectors.joining(" "));
  }

  /** A diagnosis as the case files write it. */
  static String describe(ClaimDiagnosis diagnosis) {
    String system = Stream.of(Diagnosis.CodeSystem.values()).filter(s -> s.url().equals(diagnosis.system()))
        .map(ClaimEvidencePolicyLoader::configKey).findFirst().orElse(diagnosis.system());
    return diagnosis.code() + " " + system + " " + diagnosis.firstService() + ".." + diagnosis.lastService() + " "
        + diagnosis.claimCount() + " " + String.join(",", diagnosis.claimIds())
        + (diagnosis.deniedOnly() ? " denied-only" : "");
  }

  @SuppressWarnings("unchecked")
  private static List<ClaimEvidenceCase> read(Path file) {
    List<Map<String, Object>> items;
    try {
      items = new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ClaimEvidenceCase> cases = new ArrayList<>();
    for (Map<String, Object> item : items) {
      String name = file.getFileName().toString().replace(".yaml", "") + ": " + item.get("name");
      TestClaims.only(item, CASE_KEYS, name);
      if (!item.containsKey("episodes") && !item.containsKey("diagnoses")) {
        throw new IllegalArgumentException(name + ": expects neither episodes nor diagnoses");
      }
      List<Claim> claims = ((List<Map<String, Object>>) item.get("claims")).stream().map(TestClaims::read)
          .collect(Collectors.toList());
      cases.add(new ClaimEvidenceCase(name, (Map<String, Object>) item.getOrDefault("policy", Map.of()), claims,
          (List<String>) item.get("episodes"), (List<String>) item.get("providers"),
          (List<String>) item.get("diagnoses")));
    }
    return cases;
  }
}
