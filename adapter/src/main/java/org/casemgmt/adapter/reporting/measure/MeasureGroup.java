package org.casemgmt.adapter.reporting.measure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Quantity;

/**
 * A group of a measure, as both the served Measure and its MeasureReports state it: its populations with their
 * criteria in words, how its score is made, and its stratifiers. One description serves both, so a report never
 * carries a population its Measure does not define.
 *
 * @param scoring the group's own scoring (cqfm-scoring) where it differs from the measure's, or null
 */
record MeasureGroup(String id, String description, String scoring, List<Population> populations, Score score,
    List<Stratifier> stratifiers) {

  /** FHIR's population codes. */
  static final String STANDARD = "http://terminology.hl7.org/CodeSystem/measure-population";
  /** The project's codes for what FHIR has none for (follow-up-due, episodes before and during enrollment). */
  static final String PROJECT = ImplementationGuide.CANONICAL + "/CodeSystem/measure-population";

  /**
   * @param aggregateMethod for a measure-observation: how its values make the score (cqfm-aggregateMethod), or null
   */
  record Population(String system, String code, String criteria, String aggregateMethod) {
    static Population standard(String code, String criteria) {
      return new Population(STANDARD, code, criteria, null);
    }

    static Population project(String code, String criteria) {
      return new Population(PROJECT, code, criteria, null);
    }
  }

  /** A stratifier: its code (as text) and what puts a counted thing in a stratum ({@code none} for null). */
  record Stratifier(String code, String description, Function<Counted, String> value) {
    static Stratifier program(String description) {
      return new Stratifier("program", description, Counted::program);
    }

    static Stratifier caseManager(String description) {
      return new Stratifier("case-manager", description, Counted::caseManager);
    }
  }

  /** A group's or a stratum's score from the members of each population; empty when there is nothing to score. */
  @FunctionalInterface
  interface Score {
    Optional<Quantity> of(Map<String, List<Counted>> members);
  }
}
