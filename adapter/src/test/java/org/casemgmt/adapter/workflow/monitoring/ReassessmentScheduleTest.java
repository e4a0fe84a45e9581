package org.casemgmt.adapter.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.workflow.WorkflowProperties.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reassessments fall due at the interval of the phase the enrollment is in, tapering as it goes on. */
class ReassessmentScheduleTest {
  private final ReassessmentSchedule schedule = new ReassessmentSchedule(Map.of(
      "default", List.of(
          new Phase("active", Period.ofMonths(12), Period.ofDays(90)),
          new Phase("follow-up", null, Period.ofDays(180))),
      "claims-driven-tailored", List.of(
          new Phase("active", Period.ofMonths(6), Period.ofDays(30)),
          new Phase("stabilisation", Period.ofMonths(12), Period.ofDays(90)),
          new Phase("follow-up", null, Period.ofDays(180)))));

  @ParameterizedTest(name = "{0} enrolled {1}, reassessed {2}: next due {3} ({4})")
  @CsvSource(delimiter = '|', textBlock = """
      smi-functional-impairment | 2026-01-01 | 2026-01-01 | 2026-04-01 | active
      smi-functional-impairment | 2026-01-01 | 2026-12-31 | 2027-03-31 | active
      smi-functional-impairment | 2026-01-01 | 2027-01-01 | 2027-06-30 | follow-up
      smi-functional-impairment | 2026-01-01 | 2029-05-10 | 2029-11-06 | follow-up
      claims-driven-tailored    | 2026-01-01 | 2026-01-01 | 2026-01-31 | active
      claims-driven-tailored    | 2026-01-01 | 2026-06-30 | 2026-07-30 | active
      claims-driven-tailored    | 2026-01-01 | 2026-07-01 | 2026-09-29 | stabilisation
      claims-driven-tailored    | 2026-01-01 | 2027-01-01 | 2027-06-30 | follow-up
      default                   | 2026-02-28 | 2026-02-28 | 2026-05-29 | active
      """)
  void theNextReassessmentFollowsThePhase(String program, LocalDate start, LocalDate from, LocalDate due,
      String phase) {
    ReassessmentSchedule.Due next = schedule.next(program, start, from);

    assertThat(next.date()).isEqualTo(due);
    assertThat(next.phase().phase()).isEqualTo(phase);
  }
}
