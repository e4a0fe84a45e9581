package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;

/**
 * How a claim is made unreadable: one bad value inside the claim itself (never in the member's or provider's loop,
 * which in an 837 would take every claim under it along), so the parser rejects exactly that claim.
 */
enum Malformation {
  /** The first line's service date is 30 February. */
  IMPOSSIBLE_SERVICE_DATE,
  /** The principal diagnosis starts with a digit, which no ICD-10-CM code does. */
  DIAGNOSIS_OF_WRONG_SHAPE;

  /** 30 February of the date's year, as CCYYMMDD (X12) or with dashes (CSV). */
  static String impossibleDate(LocalDate date, boolean dashes) {
    return date.getYear() + (dashes ? "-02-30" : "0230");
  }

  /** The code with its category letter replaced by a zero: {@code J06.9} becomes {@code 006.9}. */
  static String wrongShape(String code) {
    return "0" + code.substring(1);
  }
}
