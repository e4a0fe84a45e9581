package org.casemgmt.routes.claims.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The claim-line CSV extract of the README: every column the parser requires plus line_number, units and charge;
 * one row per line with the claim-level columns repeated on each row, as warehouse extracts do. No value contains a
 * comma, quote or line break, so nothing is quoted.
 */
final class CsvClaimWriter implements ClaimWriter {
  static final String HEADER = "member_id,claim_id,original_claim_id,frequency_code,claim_type,type_of_bill,"
      + "place_of_service,revenue_code,procedure_code,modifiers,diagnosis_codes,from_date,through_date,admit_date,"
      + "discharge_date,billing_npi,rendering_npi,status,line_number,units,charge";

  private final Writer out;
  private final StringBuilder row = new StringBuilder(256);
  private final StringBuilder claimColumns = new StringBuilder(128);

  CsvClaimWriter(Path file) throws IOException {
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    out.write(HEADER);
    out.write('\n');
  }

  @Override
  public void write(SyntheticMember member, PlannedClaim claim) throws IOException {
    diagnoses(claim);
    for (int n = 0; n < claim.lines.size(); n++) {
      PlannedLine line = claim.lines.get(n);
      row.setLength(0);
      row.append(member.id()).append(',').append(claim.id).append(',')
          .append(claim.originalId == null ? "" : claim.originalId).append(',')
          .append(claim.frequency).append(',')
          .append(claim.institutional() ? "institutional," : "professional,")
          .append(claim.institutional() ? claim.typeOfBill() : "").append(',')
          .append(claim.institutional() ? "" : claim.placeOfService).append(',')
          .append(line.revenueCode() == null ? "" : line.revenueCode()).append(',')
          .append(line.procedureCode() == null ? "" : line.procedureCode()).append(',')
          .append(String.join(";", line.modifiers())).append(',')
          .append(claimColumns).append(',');
      if (n == 0 && claim.malformation == Malformation.IMPOSSIBLE_SERVICE_DATE) {
        row.append(Malformation.impossibleDate(line.from(), true));
      } else {
        Text.iso(row, line.from());
      }
      Text.iso(row.append(','), line.through()).append(',');
      if (claim.admission != null) {
        Text.iso(row, claim.admission.toLocalDate());
      }
      row.append(',');
      if (claim.dischargeHour != null) {
        Text.iso(row, claim.through());
      }
      row.append(',').append(claim.billing.npi()).append(',')
          .append(claim.clinician == null ? "" : claim.clinician.npi()).append(',')
          .append(claim.denied ? "denied" : "paid").append(',')
          .append(n + 1).append(',').append(line.units()).append(',');
      Text.amount(row, line.chargeCents()).append('\n');
      out.append(row);
    }
  }

  /** {@code 1:F20.9;2:Z59.00}: the sequence says which is principal. */
  private void diagnoses(PlannedClaim claim) {
    claimColumns.setLength(0);
    for (int i = 0; i < claim.diagnoses.size(); i++) {
      String code = claim.diagnoses.get(i);
      if (i == 0 && claim.malformation == Malformation.DIAGNOSIS_OF_WRONG_SHAPE) {
        code = Malformation.wrongShape(code);
      }
      claimColumns.append(i == 0 ? "" : ";").append(i + 1).append(':').append(code);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
