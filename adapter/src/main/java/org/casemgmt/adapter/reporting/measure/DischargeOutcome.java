package org.casemgmt.adapter.reporting.measure;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One discharge as a measure counts it, in each window's group: in the initial population (an index discharge inside
 * the period), excluded (and why), in the denominator, in the numerator (the event and its record), or still open
 * (its window has not ended and no event yet: work for the coordinator, with the days left).
 *
 * @param stay the stay's record ("Encounter/5")
 * @param program the program the client was enrolled in on the discharge day, or null
 * @param caseManager that enrollment's case manager, or null
 * @param groups the outcome in each window's group, by window (days)
 */
public record DischargeOutcome(String client, String stay, LocalDate discharged, String program, String caseManager,
    Map<Integer, Result> groups) {

  /** The discharge in each window's group, with what its subject-list entry says of it. */
  List<Counted> counted() {
    return groups.entrySet().stream().map(group -> {
      int window = group.getKey();
      Result result = group.getValue();
      String detail = stay + " discharged " + discharged
          + (result.exclusion() != null ? "; excluded: " + result.exclusion() : "")
          + (result.event() != null ? "; " + result.event() : "")
          + (result.daysLeft() != null ? "; " + result.daysLeft() + " day(s) left, until "
              + discharged.plusDays(window) : "");
      return new Counted(window + "-day", client, program, caseManager, result.populations(), null, discharged,
          detail);
    }).toList();
  }

  /**
   * @param exclusion why the discharge leaves the denominator (age, coverage, death), or null
   * @param event the record of the follow-up visit or readmission, or null
   * @param daysLeft for a discharge whose window has not ended without an event: days left until it ends, counted
   *     from the evaluation day; null otherwise
   */
  public record Result(boolean initial, String exclusion, String event, Integer daysLeft) {
    boolean denominator() {
      return initial && exclusion == null;
    }

    boolean numerator() {
      return denominator() && event != null;
    }

    Set<String> populations() {
      Set<String> in = new LinkedHashSet<>();
      if (initial) {
        in.add("initial-population");
        in.add(exclusion == null ? "denominator" : "denominator-exclusion");
      }
      if (numerator()) {
        in.add("numerator");
      }
      if (daysLeft != null) {
        in.add(DischargeDefinition.DUE);
      }
      return in;
    }
  }
}
