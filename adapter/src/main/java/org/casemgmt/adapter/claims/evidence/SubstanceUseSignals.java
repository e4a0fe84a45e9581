package org.casemgmt.adapter.claims.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;

/**
 * What shows a claim to be a substance-use disorder program's, whoever billed it (REFERENCE 5.6): an alcohol and
 * drug procedure code, a modifier such as HF (substance abuse program), a chemical-dependency revenue code or a
 * place of service that is a substance-use treatment facility, on any of its lines. Such a claim is a 42 CFR Part 2
 * record, and so is the evidence built on it. The evidence rules keep a claim for its psychiatric signals; these
 * ride along on it (an HF crisis line, a crisis service at a substance-use facility, a detoxification line on a
 * psychiatric inpatient bill). Read from {@code config/part2.yml}, {@code adapter.part2.claim-signals}.
 *
 * @param procedureCodes  HCPCS/CPT codes, five characters ({@code H0005})
 * @param modifiers       procedure modifiers, two characters ({@code HF})
 * @param revenueCodes    NUBC revenue codes, four digits ({@code 1002})
 * @param placesOfService two digits ({@code 57}); a line's own, else its claim's
 */
public record SubstanceUseSignals(Set<String> procedureCodes, Set<String> modifiers, Set<String> revenueCodes,
    Set<String> placesOfService) {
  public static final SubstanceUseSignals NONE = new SubstanceUseSignals(Set.of(), Set.of(), Set.of(), Set.of());
  static final String PREFIX = "adapter.part2.claim-signals";
  // The shapes claims carry these codes in (routes' ClaimCodes): a code of another shape would never match.
  private static final Pattern PROCEDURE = Pattern.compile("\\d{4}[0-9FTU]|[A-Z]\\d{4}");
  private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
  private static final Pattern REVENUE = Pattern.compile("\\d{4}");
  private static final Pattern PLACE = Pattern.compile("\\d{2}");

  public SubstanceUseSignals {
    procedureCodes = codes(procedureCodes);
    modifiers = codes(modifiers);
    revenueCodes = codes(revenueCodes);
    placesOfService = codes(placesOfService);
  }

  /**
   * The signals as configured, upper-cased and trimmed.
   *
   * @throws IllegalStateException naming every code that could never match a claim, with its configuration key
   */
  public static SubstanceUseSignals checked(List<String> procedureCodes, List<String> modifiers,
      List<String> revenueCodes, List<String> placesOfService) {
    List<String> problems = new ArrayList<>();
    SubstanceUseSignals signals = new SubstanceUseSignals(
        shaped("procedure-codes", procedureCodes, PROCEDURE, "a HCPCS/CPT code (H0005, 90837)", problems),
        shaped("modifiers", modifiers, MODIFIER, "a modifier (two characters, HF)", problems),
        shaped("revenue-codes", revenueCodes, REVENUE, "a revenue code (four digits, 1002)", problems),
        shaped("places-of-service", placesOfService, PLACE, "a place of service (two digits, 57)", problems));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(PREFIX + " (config/part2.yml) cannot be used:\n  "
          + String.join("\n  ", problems));
    }
    return signals;
  }

  /** Whether any line of the claim shows a substance-use program's service. */
  public boolean shows(Claim claim) {
    return claim.lines().stream().anyMatch(line -> shows(claim, line));
  }

  private boolean shows(Claim claim, ClaimLine line) {
    return procedureCodes.contains(line.procedureCode()) || revenueCodes.contains(line.revenueCode())
        || placesOfService.contains(PlaceOfService.of(claim, line))
        || line.modifiers().stream().anyMatch(modifiers::contains);
  }

  /** Counts for the start-up log. */
  public String summary() {
    return "substance-use program procedure codes " + procedureCodes.size() + ", modifiers " + modifiers.size()
        + ", revenue codes " + revenueCodes.size() + ", places of service " + placesOfService.size();
  }

  private static Set<String> shaped(String key, List<String> codes, Pattern shape, String what,
      List<String> problems) {
    Set<String> valid = new TreeSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
      if (shape.matcher(upper).matches()) {
        valid.add(upper);
      } else {
        problems.add(key + ": '" + code + "' is not " + what + " as claims carry it");
      }
    }
    return valid;
  }

  /** A hash set, unlike Set.of, can be asked about null: a code the claim did not send simply does not match. */
  private static Set<String> codes(Set<String> codes) {
    return Collections.unmodifiableSet(new HashSet<>(codes));
  }
}
