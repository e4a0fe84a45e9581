package org.casemgmt.adapter.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.casemgmt.adapter.eligibility.program.Criterion;

/** Age in whole years on the evaluation date; a program's maximum of 64 serves clients until their 65th birthday. */
final class AgeJudge {

  Judgement judge(Criterion.Age rule, Evaluation evaluation) {
    LocalDate birthDate = evaluation.evidence().birthDate();
    if (birthDate == null) {
      return new Judgement(rule.id(), CriterionResult.UNKNOWN, "No birth date is recorded", List.of(), null, null,
          List.of(), List.of("no birth date"));
    }
    if (rule.minimum() != null) {
      evaluation.inputsChangeOn(firstDayAged(birthDate, rule.minimum()));
    }
    if (rule.maximum() != null) {
      evaluation.inputsChangeOn(firstDayAged(birthDate, rule.maximum() + 1));
    }
    int age = Period.between(birthDate, evaluation.date()).getYears();
    boolean met = (rule.minimum() == null || age >= rule.minimum())
        && (rule.maximum() == null || age <= rule.maximum());
    String range = rule.maximum() == null ? rule.minimum() + " or older"
        : rule.minimum() == null ? rule.maximum() + " or younger" : rule.minimum() + " to " + rule.maximum();
    return new Judgement(rule.id(), met ? CriterionResult.MET : CriterionResult.NOT_MET,
        "Age " + age + " on " + evaluation.date() + "; " + range + " served", List.of(), null,
        BigDecimal.valueOf(age), List.of(), List.of());
  }

  /**
   * The birthday on which the client reaches this age, counted as {@link Period#between} counts: someone born on 29
   * February turns a year older on 1 March in common years.
   */
  private static LocalDate firstDayAged(LocalDate birthDate, int years) {
    LocalDate day = birthDate.plusYears(years);
    return Period.between(birthDate, day).getYears() < years ? day.plusDays(1) : day;
  }
}
