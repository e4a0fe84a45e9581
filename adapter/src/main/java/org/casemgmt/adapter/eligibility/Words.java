package org.casemgmt.adapter.eligibility;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Wording shared by the explanations. */
final class Words {

  private Words() {}

  /** "3 crisis episodes", "1 crisis episode". */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** "within 24 months (since 2024-03-01)", or "on record" for the whole history. */
  static String within(Lookback lookback) {
    return lookback.length() == null ? "on record"
        : "within " + length(lookback.length()) + " (since " + lookback.from() + ")";
  }

  /** "24 months", "90 days", "1 year 6 months". */
  static String length(Period period) {
    List<String> parts = new ArrayList<>();
    if (period.getYears() != 0) {
      parts.add(count(period.getYears(), "year"));
    }
    if (period.getMonths() != 0) {
      parts.add(count(period.getMonths(), "month"));
    }
    if (period.getDays() != 0) {
      parts.add(count(period.getDays(), "day"));
    }
    return String.join(" ", parts);
  }

  static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
