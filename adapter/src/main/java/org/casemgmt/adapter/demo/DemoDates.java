package org.casemgmt.adapter.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the demo samples, relative to the day the demo runs: {@code {{day-120}}} is 120 days ago as an ISO date
 * (2026-08-01), {@code {{day-120:yyyyMMdd}}} the same day in another pattern (HL7 v2, X12).
 */
final class DemoDates {
  private static final Pattern DAY = Pattern.compile("\\{\\{day([+-]\\d+)(?::([^}]+))?}}");

  private final LocalDate today;

  DemoDates(LocalDate today) {
    this.today = today;
  }

  String fill(String sample) {
    Matcher day = DAY.matcher(sample);
    StringBuilder filled = new StringBuilder();
    while (day.find()) {
      LocalDate date = today.plusDays(Long.parseLong(day.group(1)));
      String text = day.group(2) == null ? date.toString() : date.format(DateTimeFormatter.ofPattern(day.group(2)));
      day.appendReplacement(filled, text);
    }
    return day.appendTail(filled).toString();
  }
}
