package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.time.LocalTime;

/** Value formats both writers need, written straight into the caller's buffer: millions of them per file. */
final class Text {
  private Text() {
  }

  /** CCYYMMDD, as X12 D8. */
  static StringBuilder d8(StringBuilder out, LocalDate date) {
    out.append(date.getYear());
    return twoDigits(twoDigits(out, date.getMonthValue()), date.getDayOfMonth());
  }

  /** CCYY-MM-DD, as the CSV extract writes dates. */
  static StringBuilder iso(StringBuilder out, LocalDate date) {
    out.append(date.getYear()).append('-');
    return twoDigits(twoDigits(out, date.getMonthValue()).append('-'), date.getDayOfMonth());
  }

  /** HHMM, as X12 TM. */
  static StringBuilder hhmm(StringBuilder out, LocalTime time) {
    return twoDigits(twoDigits(out, time.getHour()), time.getMinute());
  }

  /** Dollars and cents: 1234.50. */
  static StringBuilder amount(StringBuilder out, long cents) {
    return twoDigits(out.append(cents / 100).append('.'), (int) (cents % 100));
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
