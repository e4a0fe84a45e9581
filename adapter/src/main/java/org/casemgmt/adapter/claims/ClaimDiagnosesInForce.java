package org.casemgmt.adapter.claims;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.claims.evidence.ClaimEvidencePolicy;
import org.casemgmt.adapter.eligibility.record.BilledDiagnosis;
import org.casemgmt.adapter.eligibility.record.ClaimDiagnoses;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.ClaimType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Eligibility's claim diagnoses, answered from this feed's staging tables (the {@code cm_current_claim} view has
 * resolved replacements and voids) by the claims policy: a bill is inpatient when the evidence rules would call it a
 * hospital inpatient bill, and with {@code denied-claims: ignore} denied claims give no diagnoses, as they give no
 * episodes. Only the columns the answer needs are read (no claim lines), since a population run asks for thousands
 * of members.
 */
@Component
class ClaimDiagnosesInForce implements ClaimDiagnoses {
  private static final String QUERY = "SELECT c.member_id, c.claim_id, d.code, COALESCE(c.from_date, c.admission_date,"
      + " c.through_date) AS service_date, c.claim_type, c.type_of_bill, c.status"
      + " FROM cm_current_claim c JOIN cm_claim_diagnosis d ON d.claim_id = c.claim_id"
      + " WHERE d.code_system = 'ICD_10_CM' AND d.role IN ('PRINCIPAL', 'OTHER') AND c.member_id IN %s"
      + " ORDER BY service_date, c.claim_id, d.role, d.sequence";

  private final JdbcTemplate jdbc;
  private final ClaimEvidencePolicy policy;

  ClaimDiagnosesInForce(JdbcTemplate jdbc, ClaimEvidencePolicy policy) {
    this.jdbc = jdbc;
    this.policy = policy;
  }

  @Override
  public Map<String, List<BilledDiagnosis>> byMember(List<String> memberIds) {
    if (memberIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<BilledDiagnosis>> byMember = new HashMap<>();
    jdbc.query(QUERY.formatted(ClaimStagingWriter.in(memberIds)), row -> {
      Date serviceDate = row.getDate("service_date");
      ClaimStatus status = ClaimStatus.valueOf(row.getString("status"));
      if (serviceDate != null && policy.counts(status)) {
        boolean inpatient = policy.isInpatientBill(ClaimType.valueOf(row.getString("claim_type")),
            row.getString("type_of_bill"));
        byMember.computeIfAbsent(row.getString("member_id"), member -> new ArrayList<>()).add(new BilledDiagnosis(
            row.getString("claim_id"), row.getString("code"), serviceDate.toLocalDate(), inpatient,
            status == ClaimStatus.DENIED));
      }
    }, memberIds.toArray());
    return byMember;
  }
}
