package org.casemgmt.adapter.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * A claim-line CSV extract written in a test, one row per line (layout in the README). Each test uses member and claim
 * ids of its own, so tests sharing the service never see each other's claims. Public for the eligibility tests, which
 * feed claims the same way.
 */
public final class ClaimsCsv {
  static final String HEADER = "member_id,claim_id,original_claim_id,frequency_code,claim_type,type_of_bill,"
      + "place_of_service,revenue_code,procedure_code,modifiers,diagnosis_codes,from_date,through_date,admit_date,"
      + "discharge_date,billing_npi,rendering_npi,status";
  private final List<String> rows = new ArrayList<>();
  private String billingNpi = "1234567893";
  private String renderingNpi = "";

  /**
   * The claims added from here on are billed by this provider, and rendered (professional) or attended
   * (institutional) by that one; blank for none. Until this is called: billed by 1234567893, no rendering provider.
   */
  public ClaimsCsv billedBy(String billing, String rendering) {
    billingNpi = billing;
    renderingNpi = rendering;
    return this;
  }

  /** An inpatient bill: type of bill, one room-and-board line with the revenue code, admission to discharge. */
  public ClaimsCsv stay(String member, String claim, String typeOfBill, String revenue, String diagnoses, String admit,
      String discharge, String status) {
    return row(member, claim, "", typeOfBill.substring(typeOfBill.length() - 1), "institutional", typeOfBill, "",
        revenue, "", diagnoses, admit, discharge, admit, discharge, status);
  }

  /** A professional service on one day: place of service, procedure. */
  public ClaimsCsv service(String member, String claim, String placeOfService, String procedure, String diagnoses,
      String day, String status) {
    return row(member, claim, "", "1", "professional", "", placeOfService, "", procedure, diagnoses, day, day, "", "",
        status);
  }

  /** A replacement (7) or void (8) of an earlier inpatient bill. */
  public ClaimsCsv adjustment(String member, String claim, String original, String frequency, String revenue,
      String diagnoses, String admit, String discharge) {
    return row(member, claim, original, frequency, "institutional", "011" + frequency, "", revenue, "", diagnoses,
        admit, discharge, admit, discharge, "paid");
  }

  ClaimsCsv raw(String row) {
    rows.add(row);
    return this;
  }

  private ClaimsCsv row(String member, String claim, String original, String frequency, String type, String bill,
      String pos, String revenue, String procedure, String diagnoses, String from, String through, String admit,
      String discharge, String status) {
    rows.add(String.join(",", member, claim, original, frequency, type, bill, pos, revenue, procedure, "",
        "\"" + diagnoses + "\"", from, through, admit, discharge, billingNpi, renderingNpi, status));
    return this;
  }

  public String text() {
    return HEADER + "\n" + String.join("\n", rows) + "\n";
  }
}
