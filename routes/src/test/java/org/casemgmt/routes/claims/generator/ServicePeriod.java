package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * The two calendar years every generated service falls in: fixed rather than relative to today, so a seed gives the
 * same file whenever it runs; two years is the longest lookback the shipped programs use.
 */
final class ServicePeriod {
  static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
  static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;

  private ServicePeriod() {
  }

  static LocalDate randomDay(Random random) {
    return FIRST_DAY.plusDays(random.nextInt(DAYS));
  }
}
