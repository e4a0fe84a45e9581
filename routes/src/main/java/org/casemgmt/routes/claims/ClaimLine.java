package org.casemgmt.routes.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One service line (837 loop 2400; one CSV row).
 *
 * @param lineNumber     LX01, or the row's position within its claim in the CSV extract
 * @param revenueCode    NUBC revenue code, four digits ({@code 0124}); institutional lines only
 * @param procedureCode  HCPCS/CPT code (SV101-2 or SV202-2); null when the institutional line has none
 * @param modifiers      procedure modifiers in order, up to four
 * @param placeOfService professional lines: SV105 where sent, else the claim's place of service; null on
 *                       institutional lines
 * @param serviceFrom    DTP*472 (first day of a range), null when an institutional line gives no date
 * @param serviceThrough DTP*472 (last day of a range; the same day for a single date)
 * @param units          service unit count (SV205 / SV104), null when not sent
 * @param charge         line charge (SV203 / SV102), null when not sent
 */
public record ClaimLine(
    int lineNumber,
    String revenueCode,
    String procedureCode,
    List<String> modifiers,
    String placeOfService,
    LocalDate serviceFrom,
    LocalDate serviceThrough,
    BigDecimal units,
    BigDecimal charge) {

  public ClaimLine {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }
}
