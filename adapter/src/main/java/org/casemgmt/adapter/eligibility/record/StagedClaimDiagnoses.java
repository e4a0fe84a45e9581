package org.casemgmt.adapter.eligibility.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The diagnoses on a client's claims in force, one row per claim and code, read from the claims staging tables
 * rather than from the claims feed's summary Conditions: confirming a diagnosis counts claims and service days,
 * which a summary (first and last service, a count) cannot tell apart by setting or denial.
 */
@Component
class StagedClaimDiagnoses {
  /**
   * Principal and other diagnoses only: admitting diagnoses and reasons for visit are what brought the person in,
   * before anyone diagnosed them, and external causes are not diagnoses of the person.
   */
  private static final String QUERY = "SELECT c.member_id, c.claim_id, d.code, COALESCE(c.from_date, c.admission_date,"
      + " c.through_date) AS service_date, c.claim_type, c.type_of_bill, c.status"
      + " FROM cm_current_claim c JOIN cm_claim_diagnosis d ON d.claim_id = c.claim_id"
      + " WHERE d.code_system = 'ICD_10_CM' AND d.role IN ('PRINCIPAL', 'OTHER') AND c.member_id IN (%s)"
      + " ORDER BY service_date, c.claim_id, d.role, d.sequence";

  private final JdbcTemplate jdbc;

  StagedClaimDiagnoses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The diagnoses on the claims of these Medicaid members, by member, in one query however many members are asked
   * for (a population run reads a chunk of clients at a time).
   */
  Map<String, List<StagedDiagnosis>> byMember(List<String> memberIds) {
    if (memberIds.isEmpty()) {
      return Map.of();
    }
    String placeholders = String.join(", ", Collections.nCopies(memberIds.size(), "?"));
    Map<String, List<StagedDiagnosis>> byMember = new HashMap<>();
    jdbc.query(QUERY.formatted(placeholders), row -> {
      StagedDiagnosis diagnosis = diagnosis(row);
      if (diagnosis.serviceDate() != null) {
        byMember.computeIfAbsent(row.getString("member_id"), member -> new ArrayList<>()).add(diagnosis);
      }
    }, memberIds.toArray());
    return byMember;
  }

  private static StagedDiagnosis diagnosis(ResultSet row) throws SQLException {
    return new StagedDiagnosis(
        row.getString("claim_id"), row.getString("code"),
        row.getDate("service_date") == null ? null : row.getDate("service_date").toLocalDate(),
        "INSTITUTIONAL".equals(row.getString("claim_type")) && row.getString("type_of_bill") != null
            && row.getString("type_of_bill").startsWith("011"),
        "DENIED".equals(row.getString("status")));
  }
}
