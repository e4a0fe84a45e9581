package org.casemgmt.adapter.workflow.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.workflow.WorkflowProperties.Phase;

/**
 * When reassessments fall due: each program's phases (an active phase, tapering to follow-up), each lasting a time
 * from the enrollment start, with the interval between reassessments in it; programs without a schedule of their own
 * follow {@code default}.
 */
final class ReassessmentSchedule {
  static final String DEFAULT = "default";

  private final Map<String, List<Phase>> schedules;

  ReassessmentSchedule(Map<String, List<Phase>> schedules) {
    this.schedules = Map.copyOf(schedules);
  }

  /** The next reassessment after {@code from}, for an enrollment that started on {@code start}. */
  Due next(String program, LocalDate start, LocalDate from) {
    Phase phase = phase(program, start, from);
    return new Due(from.plus(phase.every()), phase);
  }

  /** The phase an enrollment that started on {@code start} is in on {@code day}. */
  Phase phase(String program, LocalDate start, LocalDate day) {
    List<Phase> phases = schedules.getOrDefault(program, schedules.get(DEFAULT));
    for (Phase phase : phases) {
      if (phase.until() == null || day.isBefore(start.plus(phase.until()))) {
        return phase;
      }
    }
    return phases.get(phases.size() - 1);
  }

  record Due(LocalDate date, Phase phase) {}
}
