package org.casemgmt.routes.x12;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import org.casemgmt.routes.files.BadValue;

/**
 * X12 date formats (the DTP02 qualifier says which): D8 {@code CCYYMMDD}, RD8 {@code CCYYMMDD-CCYYMMDD}, DT
 * {@code CCYYMMDDHHMM}, TM {@code HHMM}. Strict: 20231345 and 20230230 are not dates.
 */
public final class X12Dates {
  private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("uuuuMMdd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("uuuuMMddHHmm")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmm")
      .withResolverStyle(ResolverStyle.STRICT);

  private X12Dates() {
  }

  /** A DTP period in D8 (one day) or RD8; the first day is not after the last. */
  public static LocalDate[] period(X12Segment dtp) {
    String qualifier = dtp.element(2);
    String value = dtp.element(3);
    String element = "DTP03";
    switch (qualifier) {
      case "D8" -> {
        LocalDate day = date(value, element);
        return new LocalDate[] {day, day};
      }
      case "RD8" -> {
        int dash = value.indexOf('-');
        if (dash < 0) {
          throw new BadValue(element, element + " '" + value + "' is not a date range (CCYYMMDD-CCYYMMDD)");
        }
        LocalDate first = date(value.substring(0, dash), element);
        LocalDate last = date(value.substring(dash + 1), element);
        if (last.isBefore(first)) {
          throw new BadValue(element, element + " '" + value + "' ends before it starts");
        }
        return new LocalDate[] {first, last};
      }
      default -> throw new BadValue("DTP02",
          "DTP02 '" + qualifier + "' is not a date format this date takes (D8, RD8)");
    }
  }

  public static LocalDate date(String value, String element) {
    try {
      if (value.length() == 8) {
        return LocalDate.parse(value, D8);
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw new BadValue(element, element + " '" + value + "' is not a date (CCYYMMDD)");
  }

  public static LocalDateTime dateTime(String value, String element) {
    try {
      if (value.length() == 12) {
        return LocalDateTime.parse(value, DT);
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw new BadValue(element, element + " '" + value + "' is not a date and time (CCYYMMDDHHMM)");
  }

  public static LocalTime time(String value, String element) {
    try {
      if (value.length() == 4) {
        return LocalTime.parse(value, TM);
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw new BadValue(element, element + " '" + value + "' is not a time (HHMM)");
  }
}
