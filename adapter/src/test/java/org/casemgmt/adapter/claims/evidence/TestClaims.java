package org.casemgmt.adapter.claims.evidence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.claims.Diagnosis;
import org.casemgmt.routes.claims.Member;

/**
 * Test claims written as YAML maps, one claim per line, with only the facts the rules read. Codes must be quoted
 * ({@code "0111"}: YAML reads an unquoted 0111 as a number). Dates are {@code YYYY-MM-DD}.
 *
 * <pre>
 * id:         claim id (required)
 * bill:       type of bill, e.g. "0111"; makes the claim institutional, its last digit is the frequency
 * pos:        the claim's place of service, e.g. "51"; a claim without bill is professional
 * from:       first day of service (required); through: last day (default: from)
 * admit:      admission date; discharge: discharge date
 * drg:        e.g. "885"
 * dx:         diagnosis codes, the first is the principal, the others "other" (a code may repeat)
 * dx-system:  icd-10-cm (default) or icd-9-cm, for all the claim's codes
 * status:     paid, denied or unknown (default unknown, as from X12)
 * billing:    billing provider NPI; rendering: rendering (professional) or attending (institutional) NPI
 * lines:      [{revenue: "0124", procedure: H2011, modifiers: [HF], pos: "23", date: 2025-03-01}], any of the keys;
 *             a line without date has none (the claim's from stands for it), one without pos falls back to the
 *             claim's
 * </pre>
 */
final class TestClaims {
  static final String MEMBER = "MCD-TEST-1";

  private static final Set<String> CLAIM_KEYS = Set.of("id", "bill", "pos", "from", "through", "admit",
      "discharge", "drg", "dx", "dx-system", "status", "billing", "rendering", "lines");
  private static final Set<String> LINE_KEYS = Set.of("revenue", "procedure", "modifiers", "pos", "date");

  private TestClaims() {}

  @SuppressWarnings("unchecked")
  static Claim read(Map<String, Object> claim) {
    only(claim, CLAIM_KEYS, "claim " + claim.get("id"));
    String bill = code(claim, "bill");
    ClaimType type = bill != null ? ClaimType.INSTITUTIONAL : ClaimType.PROFESSIONAL;
    LocalDate from = date(claim.get("from"));
    LocalDate through = claim.containsKey("through") ? date(claim.get("through")) : from;
    Diagnosis.CodeSystem system = "icd-9-cm".equals(claim.get("dx-system")) ? Diagnosis.CodeSystem.ICD_9_CM
        : Diagnosis.CodeSystem.ICD_10_CM;
    List<ClaimLine> lines = new ArrayList<>();
    for (Map<String, Object> line : (List<Map<String, Object>>) claim.getOrDefault("lines", List.of())) {
      only(line, LINE_KEYS, "a line of claim " + claim.get("id"));
      // A line without pos is left without one, so that the rules' fallback to the claim's is what is tested.
      LocalDate day = date(line.get("date"));
      lines.add(new ClaimLine(lines.size() + 1, code(line, "revenue"), code(line, "procedure"),
          (List<String>) line.getOrDefault("modifiers", List.of()), code(line, "pos"), day, day, null, null));
    }
    return new Claim(code(claim, "id"), null, bill != null ? bill.substring(3) : "1", type, bill, code(claim, "pos"),
        Member.ofId(MEMBER), code(claim, "billing"), code(claim, "rendering"), from, through, date(claim.get("admit")), null, date(claim.get("discharge")),
        null, null, null, null, code(claim, "drg"), diagnoses((List<String>) claim.get("dx"), system),
        status((String) claim.get("status")), lines);
  }

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    // SnakeYAML reads an unquoted date as a java.util.Date at midnight UTC.
    return value instanceof Date date ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
        : LocalDate.parse(value.toString());
  }

  private static List<Diagnosis> diagnoses(List<String> codes, Diagnosis.CodeSystem system) {
    List<Diagnosis> diagnoses = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      Diagnosis.Role role = diagnoses.isEmpty() ? Diagnosis.Role.PRINCIPAL : Diagnosis.Role.OTHER;
      diagnoses.add(new Diagnosis(diagnoses.size() + 1, code, system, role, null));
    }
    return diagnoses;
  }

  private static ClaimStatus status(String status) {
    return status == null ? null : ClaimStatus.valueOf(status.toUpperCase(Locale.ROOT));
  }

  private static String code(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException(key + " " + value + " of claim " + map.get("id") + ": quote codes");
    }
    return (String) value;
  }

  static void only(Map<String, Object> map, Set<String> keys, String where) {
    for (String key : map.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "'; expected one of " + keys);
      }
    }
  }
}
