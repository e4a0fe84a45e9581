package org.casemgmt.adapter.claims;

import java.util.List;

/**
 * A staging table's name and the columns a claim fills, in the order {@link ClaimRows} gives the values: one
 * definition for both ways of loading (JDBC batches and PostgreSQL's COPY).
 */
record StagingTable(String name, List<String> columns) {
  static final StagingTable CLAIM = new StagingTable("cm_claim", List.of("claim_id", "load_order", "file_id",
      "member_id", "claim_type", "frequency_code", "original_claim_id", "type_of_bill", "place_of_service", "drg",
      "admission_type", "admission_source", "discharge_status", "from_date", "through_date", "admission_date",
      "discharge_date", "billing_npi", "rendering_npi", "status", "first_line"));
  static final StagingTable LINE = new StagingTable("cm_claim_line", List.of("claim_id", "line_number",
      "revenue_code", "procedure_code", "modifiers", "place_of_service", "service_from", "service_through", "units",
      "charge"));
  static final StagingTable DIAGNOSIS = new StagingTable("cm_claim_diagnosis", List.of("claim_id", "role",
      "sequence", "code", "code_system", "present_on_admission"));
  static final StagingTable MEMBER = new StagingTable("cm_claim_member", List.of("member_id", "family_name",
      "given_name", "middle_name", "birth_date", "gender", "address_line1", "address_line2", "city", "state",
      "postal_code"));

  String insert() {
    return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
  }

  String copy() {
    return "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
  }
}
