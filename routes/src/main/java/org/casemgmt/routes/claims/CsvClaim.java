package org.casemgmt.routes.claims;

import static org.casemgmt.routes.claims.CsvColumns.*;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.casemgmt.routes.files.BadValue;

/**
 * The rows of one claim in the CSV extract, read into a {@link Claim} or refused at the first bad value with its line
 * and column. Claim-level columns are taken from the first row; later rows may repeat them or leave them blank, but
 * not contradict them.
 */
final class CsvClaim {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern SEPARATORS = Pattern.compile("[;|]");

  private final List<CsvClaimReader.Row> rows;
  private final int columns;
  private CsvClaimReader.Row current;

  CsvClaim(List<CsvClaimReader.Row> rows, int columns) {
    this.rows = rows;
    this.columns = columns;
  }

  ParsedClaim parse(ClaimOrigin origin) {
    String claimId = value(rows.get(0), CLAIM_ID);
    try {
      return ParsedClaim.accepted(origin, read());
    } catch (BadValue problem) {
      String memberId = value(rows.get(0), MEMBER_ID);
      return ParsedClaim.rejected(origin, new ClaimRejection(ClaimRejection.Scope.CLAIM,
          claimId.isEmpty() ? null : claimId, memberId.isEmpty() ? null : memberId, null, 0, problem.element(), current.line(), problem.reason()));
    }
  }

  private Claim read() {
    CsvClaimReader.Row first = rows.get(0);
    current = first;
    for (CsvClaimReader.Row row : rows) {
      current = row;
      if (row.record().size() != columns) {
        throw new BadValue(null, "the row has " + row.record().size() + " fields, the header " + columns);
      }
    }
    current = first;
    ClaimDraft draft = new ClaimDraft(claimType(first));
    draft.claimId = required(first, CLAIM_ID);
    draft.member = Member.ofId(required(first, MEMBER_ID));
    draft.frequencyCode = blank(first, FREQUENCY_CODE) ? "1"
        : ClaimCodes.frequency(value(first, FREQUENCY_CODE), FREQUENCY_CODE);
    draft.originalClaimId = optional(first, ORIGINAL_CLAIM_ID);
    if ((draft.frequencyCode.equals("7") || draft.frequencyCode.equals("8")) && draft.originalClaimId == null) {
      throw new BadValue(ORIGINAL_CLAIM_ID, ORIGINAL_CLAIM_ID + " is missing: frequency " + draft.frequencyCode
          + " applies to the claim it names");
    }
    if (draft.type == ClaimType.INSTITUTIONAL) {
      draft.typeOfBill = ClaimCodes.typeOfBill(required(first, TYPE_OF_BILL), TYPE_OF_BILL);
    } else {
      draft.placeOfService = ClaimCodes.placeOfService(required(first, PLACE_OF_SERVICE), PLACE_OF_SERVICE);
    }
    draft.admissionDate = date(first, ADMIT_DATE, false);
    draft.dischargeDate = date(first, DISCHARGE_DATE, false);
    if (draft.admissionDate != null && draft.dischargeDate != null
        && draft.dischargeDate.isBefore(draft.admissionDate)) {
      throw new BadValue(DISCHARGE_DATE, DISCHARGE_DATE + " is before " + ADMIT_DATE);
    }
    draft.billingNpi = blank(first, BILLING_NPI) ? null : ClaimCodes.npi(value(first, BILLING_NPI), BILLING_NPI);
    draft.renderingNpi = blank(first, RENDERING_NPI) ? null
        : ClaimCodes.npi(value(first, RENDERING_NPI), RENDERING_NPI);
    draft.status = status(first);
    diagnoses(first, draft);
    for (int i = 0; i < rows.size(); i++) {
      current = rows.get(i);
      sameClaim(first, current);
      line(current, draft, i + 1);
    }
    return draft.build();
  }

  private static ClaimType claimType(CsvClaimReader.Row row) {
    return switch (required(row, CLAIM_TYPE).toLowerCase(Locale.ROOT)) {
      case "institutional", "i" -> ClaimType.INSTITUTIONAL;
      case "professional", "p" -> ClaimType.PROFESSIONAL;
      default -> throw new BadValue(CLAIM_TYPE, CLAIM_TYPE + " '" + value(row, CLAIM_TYPE)
          + "' is neither institutional nor professional");
    };
  }

  private static ClaimStatus status(CsvClaimReader.Row row) {
    return switch (value(row, STATUS).toLowerCase(Locale.ROOT)) {
      case "" -> ClaimStatus.UNKNOWN;
      case "paid" -> ClaimStatus.PAID;
      case "denied" -> ClaimStatus.DENIED;
      default -> throw new BadValue(STATUS, STATUS + " '" + value(row, STATUS) + "' is neither paid nor denied");
    };
  }

  /** {@code 1:F20.9;2:Z59.0}: sequence 1 is the principal diagnosis; a code without a sequence takes its place. */
  private static void diagnoses(CsvClaimReader.Row row, ClaimDraft draft) {
    String[] entries = SEPARATORS.split(required(row, DIAGNOSIS_CODES));
    Set<Integer> sequences = new HashSet<>();
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      int sequence = i + 1;
      if (colon >= 0) {
        try {
          sequence = Integer.parseInt(entry.substring(0, colon).trim());
        } catch (NumberFormatException e) {
          sequence = 0;
        }
        if (sequence < 1) {
          throw new BadValue(DIAGNOSIS_CODES, DIAGNOSIS_CODES + " '" + entry
              + "': the sequence before ':' is not a positive number");
        }
      }
      if (!sequences.add(sequence)) {
        throw new BadValue(DIAGNOSIS_CODES, DIAGNOSIS_CODES + " has sequence " + sequence + " twice");
      }
      String code = ClaimCodes.diagnosis(entry.substring(colon + 1), Diagnosis.CodeSystem.ICD_10_CM,
          DIAGNOSIS_CODES);
      draft.diagnoses.add(new Diagnosis(sequence, code, Diagnosis.CodeSystem.ICD_10_CM,
          sequence == 1 ? Diagnosis.Role.PRINCIPAL : Diagnosis.Role.OTHER, null));
    }
    if (!sequences.contains(1)) {
      throw new BadValue(DIAGNOSIS_CODES, DIAGNOSIS_CODES + " has no principal diagnosis (sequence 1)");
    }
    draft.diagnoses.sort(java.util.Comparator.comparingInt(Diagnosis::sequence));
  }

  private static void sameClaim(CsvClaimReader.Row first, CsvClaimReader.Row row) {
    for (String column : CLAIM_LEVEL) {
      String value = value(row, column);
      if (!value.isEmpty() && !value.equals(value(first, column))) {
        throw new BadValue(column, column + " '" + value + "' differs from '" + value(first, column)
            + "' on line " + first.line() + ", the claim's first row");
      }
    }
  }

  private static void line(CsvClaimReader.Row row, ClaimDraft draft, int position) {
    int number = position;
    if (row.record().isMapped(LINE_NUMBER) && !blank(row, LINE_NUMBER)) {
      try {
        number = Integer.parseInt(value(row, LINE_NUMBER));
      } catch (NumberFormatException e) {
        throw new BadValue(LINE_NUMBER, LINE_NUMBER + " '" + value(row, LINE_NUMBER) + "' is not a number");
      }
    }
    ClaimDraft.Line line = draft.addLine(number, LINE_NUMBER);
    boolean institutional = draft.type == ClaimType.INSTITUTIONAL;
    if (institutional) {
      line.revenueCode = ClaimCodes.revenueCode(required(row, REVENUE_CODE), REVENUE_CODE);
    } else {
      line.placeOfService = blank(row, PLACE_OF_SERVICE) ? null
          : ClaimCodes.placeOfService(value(row, PLACE_OF_SERVICE), PLACE_OF_SERVICE);
    }
    String procedure = institutional ? optional(row, PROCEDURE_CODE) : required(row, PROCEDURE_CODE);
    if (procedure != null) {
      line.procedureCode = ClaimCodes.procedure(procedure, true, PROCEDURE_CODE);
    }
    for (String modifier : SEPARATORS.split(value(row, MODIFIERS))) {
      if (!modifier.isBlank()) {
        line.modifiers.add(ClaimCodes.modifier(modifier, MODIFIERS));
      }
    }
    if (line.modifiers.size() > 4) {
      throw new BadValue(MODIFIERS, MODIFIERS + " has " + line.modifiers.size() + " modifiers; a line has four");
    }
    line.from = date(row, FROM_DATE, true);
    line.through = blank(row, THROUGH_DATE) ? line.from : date(row, THROUGH_DATE, true);
    if (line.through.isBefore(line.from)) {
      throw new BadValue(THROUGH_DATE, THROUGH_DATE + " is before " + FROM_DATE);
    }
    line.units = amount(row, UNITS);
    line.charge = amount(row, CHARGE);
  }

  private static java.math.BigDecimal amount(CsvClaimReader.Row row, String column) {
    return row.record().isMapped(column) && !blank(row, column) ? ClaimCodes.amount(value(row, column), column)
        : null;
  }

  /** ISO dates ({@code 2024-03-02}) or the same without dashes, as X12 and many warehouses write them. */
  private static LocalDate date(CsvClaimReader.Row row, String column, boolean required) {
    if (blank(row, column)) {
      if (required) {
        throw new BadValue(column, column + " is missing");
      }
      return null;
    }
    String value = value(row, column);
    try {
      return LocalDate.parse(value, value.length() == 8 ? BASIC : ISO);
    } catch (DateTimeParseException e) {
      throw new BadValue(column, column + " '" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static String value(CsvClaimReader.Row row, String column) {
    return CsvClaimReader.value(row, column);
  }

  private static boolean blank(CsvClaimReader.Row row, String column) {
    return value(row, column).isEmpty();
  }

  private static String optional(CsvClaimReader.Row row, String column) {
    return blank(row, column) ? null : value(row, column);
  }

  private static String required(CsvClaimReader.Row row, String column) {
    if (blank(row, column)) {
      throw new BadValue(column, column + " is missing");
    }
    return value(row, column);
  }
}
