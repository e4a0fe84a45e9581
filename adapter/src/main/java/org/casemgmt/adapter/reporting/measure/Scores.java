package org.casemgmt.adapter.reporting.measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Score;
import org.hl7.fhir.r4.model.Quantity;

/** How the measures' groups are scored, each from the members of the group's (or stratum's) populations. */
final class Scores {
  /** A cohort's groups count and have no score. */
  static final Score NONE = members -> Optional.empty();
  /** Numerator over denominator, four decimals. */
  static final Score PROPORTION = members -> divide(count(members, "numerator"), count(members, "denominator"))
      .map(value -> new Quantity().setValue(value));
  /** A year of enrollment, in days, for rates per 12 months. */
  private static final BigDecimal DAYS_A_YEAR = new BigDecimal("365.25");

  private Scores() {
  }

  /**
   * Use during enrollment against use before it: the episodes during the compared enrollments per 12 months enrolled
   * (their values: days enrolled), over the episodes in the {@code lookbackMonths} before them per 12 months (each
   * compared enrollment looks back the same months). 1 is no change, 0.4 is 60% fewer; none without episodes before.
   */
  static Score rateRatio(int lookbackMonths, String before, String during) {
    return members -> {
      BigDecimal daysEnrolled = sum(values(members, "denominator"));
      BigDecimal monthsBefore = BigDecimal.valueOf((long) count(members, "denominator") * lookbackMonths);
      if (daysEnrolled.signum() == 0) {
        return Optional.empty();
      }
      BigDecimal rateDuring = BigDecimal.valueOf(count(members, during)).multiply(DAYS_A_YEAR)
          .divide(daysEnrolled, MathContext.DECIMAL64);
      BigDecimal rateBefore = BigDecimal.valueOf(count(members, before) * 12L)
          .divide(monthsBefore, MathContext.DECIMAL64);
      return divide(rateDuring, rateBefore).map(value -> new Quantity().setValue(value));
    };
  }

  /** The median or mean of the measure observations' values, in days (one decimal). */
  static Score days(String aggregateMethod) {
    return members -> {
      List<BigDecimal> values = values(members, "measure-observation").stream().sorted().toList();
      if (values.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal days = switch (aggregateMethod) {
        case "median" -> values.get((values.size() - 1) / 2).add(values.get(values.size() / 2))
            .divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        case "average" -> sum(values).divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
        default -> throw new IllegalArgumentException("no aggregate method " + aggregateMethod);
      };
      return Optional.of(new Quantity().setValue(days.setScale(1, RoundingMode.HALF_UP))
          .setSystem("http://unitsofmeasure.org").setCode("d").setUnit("days"));
    };
  }

  private static int count(Map<String, List<Counted>> members, String population) {
    return members.getOrDefault(population, List.of()).size();
  }

  private static List<BigDecimal> values(Map<String, List<Counted>> members, String population) {
    return members.getOrDefault(population, List.of()).stream().map(Counted::value).toList();
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Optional<BigDecimal> divide(Number dividend, Number divisor) {
    BigDecimal by = new BigDecimal(divisor.toString());
    return by.signum() == 0 ? Optional.empty()
        : Optional.of(new BigDecimal(dividend.toString()).divide(by, 4, RoundingMode.HALF_UP));
  }
}
