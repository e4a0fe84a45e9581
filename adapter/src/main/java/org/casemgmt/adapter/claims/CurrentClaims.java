package org.casemgmt.adapter.claims;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.claims.Diagnosis;
import org.casemgmt.routes.claims.Member;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The claims in force for a set of members, read back from staging (the {@code cm_current_claim} view has resolved
 * replacements and voids), as the same {@link Claim} records the parsers give, with the file each came in.
 */
@Component
class CurrentClaims {
  private final JdbcTemplate jdbc;

  CurrentClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A claim in force and the name of the file it was last sent in. */
  record Staged(Claim claim, String fileName) {
  }

  /** Each member's claims in force; members without any are absent. */
  Map<String, List<Staged>> of(List<String> memberIds) {
    Map<String, List<ClaimLine>> lines = new HashMap<>();
    Map<String, List<Diagnosis>> diagnoses = new HashMap<>();
    String members = ClaimStagingWriter.in(memberIds);
    Object[] ids = memberIds.toArray();
    jdbc.query("SELECT l.* FROM cm_claim_line l JOIN cm_claim c ON c.claim_id = l.claim_id WHERE c.member_id IN "
        + members + " ORDER BY l.claim_id, l.line_number", row -> {
          lines.computeIfAbsent(row.getString("claim_id"), id -> new ArrayList<>()).add(line(row));
        }, ids);
    jdbc.query("SELECT d.* FROM cm_claim_diagnosis d JOIN cm_claim c ON c.claim_id = d.claim_id WHERE c.member_id IN "
        + members, row -> {
          diagnoses.computeIfAbsent(row.getString("claim_id"), id -> new ArrayList<>()).add(diagnosis(row));
        }, ids);
    // The parsers' order: by role (principal first), then sequence.
    diagnoses.values().forEach(list -> list.sort(Comparator.comparing(Diagnosis::role)
        .thenComparingInt(Diagnosis::sequence)));
    Map<String, List<Staged>> claims = new LinkedHashMap<>();
    jdbc.query("SELECT c.*, f.file_name FROM cm_current_claim c JOIN cm_claim_file f ON f.id = c.file_id"
        + " WHERE c.member_id IN " + members + " ORDER BY c.member_id, c.claim_id", row -> {
          String claimId = row.getString("claim_id");
          Claim claim = claim(row, diagnoses.getOrDefault(claimId, List.of()), lines.getOrDefault(claimId, List.of()));
          claims.computeIfAbsent(claim.member().id(), id -> new ArrayList<>())
              .add(new Staged(claim, row.getString("file_name")));
        }, ids);
    return claims;
  }

  private static Claim claim(ResultSet row, List<Diagnosis> diagnoses, List<ClaimLine> lines) throws SQLException {
    return new Claim(row.getString("claim_id"), row.getString("original_claim_id"), row.getString("frequency_code"),
        ClaimType.valueOf(row.getString("claim_type")), row.getString("type_of_bill"),
        row.getString("place_of_service"), Member.ofId(row.getString("member_id")), row.getString("billing_npi"),
        row.getString("rendering_npi"), date(row, "from_date"), date(row, "through_date"),
        date(row, "admission_date"), null, date(row, "discharge_date"), null, row.getString("admission_type"),
        row.getString("admission_source"), row.getString("discharge_status"), row.getString("drg"), diagnoses,
        ClaimStatus.valueOf(row.getString("status")), lines);
  }

  private static ClaimLine line(ResultSet row) throws SQLException {
    String modifiers = row.getString("modifiers");
    return new ClaimLine(row.getInt("line_number"), row.getString("revenue_code"), row.getString("procedure_code"),
        modifiers == null ? List.of() : Arrays.asList(modifiers.split(":")), row.getString("place_of_service"),
        date(row, "service_from"), date(row, "service_through"), row.getObject("units", BigDecimal.class),
        row.getObject("charge", BigDecimal.class));
  }

  private static Diagnosis diagnosis(ResultSet row) throws SQLException {
    return new Diagnosis(row.getInt("sequence"), row.getString("code"),
        Diagnosis.CodeSystem.valueOf(row.getString("code_system")), Diagnosis.Role.valueOf(row.getString("role")),
        row.getString("present_on_admission"));
  }

  private static LocalDate date(ResultSet row, String column) throws SQLException {
    Date date = row.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
