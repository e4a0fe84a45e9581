package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.util.List;

/**
 * One service line to write (837 loop 2400, one CSV row).
 *
 * @param revenueCode   institutional lines: NUBC revenue code; null on professional lines
 * @param procedureCode HCPCS/CPT; null on institutional lines that have none (room and board)
 * @param days          whether the units are days (837 unit basis DA, room and board) rather than services (UN)
 * @param chargeCents   the line charge in cents, so totals add up without rounding
 */
record PlannedLine(String revenueCode, String procedureCode, List<String> modifiers, LocalDate from,
                   LocalDate through, int units, boolean days, long chargeCents) {

  PlannedLine {
    modifiers = List.copyOf(modifiers);
  }

  static PlannedLine revenue(String revenueCode, String procedureCode, LocalDate from, LocalDate through, int units,
                             long chargeCents) {
    return new PlannedLine(revenueCode, procedureCode, List.of(), from, through, units, false, chargeCents);
  }

  /** A room-and-board line: units are the days (nights) billed. */
  static PlannedLine roomAndBoard(String revenueCode, LocalDate from, LocalDate through, int days,
                                  long chargeCents) {
    return new PlannedLine(revenueCode, null, List.of(), from, through, days, true, chargeCents);
  }

  static PlannedLine procedure(String procedureCode, List<String> modifiers, LocalDate day, int units,
                               long chargeCents) {
    return new PlannedLine(null, procedureCode, modifiers, day, day, units, false, chargeCents);
  }

  PlannedLine withCharge(long cents) {
    return new PlannedLine(revenueCode, procedureCode, modifiers, from, through, units, days, cents);
  }
}
