package org.casemgmt.routes.claims;

import java.util.List;
import java.util.Set;

/** The header names of the claim-line CSV extract (README). */
final class CsvColumns {
  static final String MEMBER_ID = "member_id";
  static final String CLAIM_ID = "claim_id";
  static final String ORIGINAL_CLAIM_ID = "original_claim_id";
  static final String FREQUENCY_CODE = "frequency_code";
  static final String CLAIM_TYPE = "claim_type";
  static final String TYPE_OF_BILL = "type_of_bill";
  static final String PLACE_OF_SERVICE = "place_of_service";
  static final String REVENUE_CODE = "revenue_code";
  static final String PROCEDURE_CODE = "procedure_code";
  static final String MODIFIERS = "modifiers";
  static final String DIAGNOSIS_CODES = "diagnosis_codes";
  static final String FROM_DATE = "from_date";
  static final String THROUGH_DATE = "through_date";
  static final String ADMIT_DATE = "admit_date";
  static final String DISCHARGE_DATE = "discharge_date";
  static final String BILLING_NPI = "billing_npi";
  static final String RENDERING_NPI = "rendering_npi";
  static final String STATUS = "status";
  static final String LINE_NUMBER = "line_number";
  static final String UNITS = "units";
  static final String CHARGE = "charge";

  /** Every extract has these, in any order. */
  static final List<String> REQUIRED = List.of(MEMBER_ID, CLAIM_ID, ORIGINAL_CLAIM_ID, FREQUENCY_CODE, CLAIM_TYPE,
      TYPE_OF_BILL, PLACE_OF_SERVICE, REVENUE_CODE, PROCEDURE_CODE, MODIFIERS, DIAGNOSIS_CODES, FROM_DATE,
      THROUGH_DATE, ADMIT_DATE, DISCHARGE_DATE, BILLING_NPI, RENDERING_NPI, STATUS);

  /** Facts of the claim, repeated on each of its rows (or left blank after the first). */
  static final Set<String> CLAIM_LEVEL = Set.of(MEMBER_ID, ORIGINAL_CLAIM_ID, FREQUENCY_CODE, CLAIM_TYPE,
      TYPE_OF_BILL, DIAGNOSIS_CODES, ADMIT_DATE, DISCHARGE_DATE, BILLING_NPI, RENDERING_NPI, STATUS);

  private CsvColumns() {
  }
}
