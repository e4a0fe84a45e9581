package org.casemgmt.adapter.reporting.measure;

import java.util.List;
import java.util.stream.Stream;

/**
 * One of the agency's measures as configured ({@code config/measures.yml}): title, description, whether a lower or
 * a higher score is better, and its rules in the one block that names its kind (discharge, utilization,
 * program-flow).
 *
 * @param improvement increase or decrease; null where neither says it (counts of a program's flow)
 */
public record MeasureDefinition(
    String title,
    String description,
    String improvement,
    DischargeDefinition discharge,
    UtilizationDefinition utilization,
    ProgramFlowDefinition programFlow) {

  /** The kinds of measure, each with its rules, its reading and the scoring its Measure states. */
  public enum Kind {
    DISCHARGE("proportion"), UTILIZATION("ratio"), PROGRAM_FLOW("cohort");

    private final String scoring;

    Kind(String scoring) {
      this.scoring = scoring;
    }

    /** The measure's scoring (measure-scoring); a group may have its own. */
    String scoring() {
      return scoring;
    }
  }

  public MeasureDefinition {
    if (Stream.of(discharge, utilization, programFlow).filter(block -> block != null).count() != 1) {
      throw new IllegalArgumentException("a measure has one block of rules, which names its kind: discharge,"
          + " utilization or program-flow");
    }
  }

  Kind kind() {
    return discharge != null ? Kind.DISCHARGE : utilization != null ? Kind.UTILIZATION : Kind.PROGRAM_FLOW;
  }

  /** The groups its Measure defines and its reports fill. */
  List<MeasureGroup> groups() {
    return switch (kind()) {
      case DISCHARGE -> discharge.groups();
      case UTILIZATION -> utilization.groups();
      case PROGRAM_FLOW -> programFlow.groups();
    };
  }
}
