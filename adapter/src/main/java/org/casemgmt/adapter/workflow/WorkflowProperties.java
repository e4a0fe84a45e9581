package org.casemgmt.adapter.workflow;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The care-coordination workflow as policy ({@code config/workflow.yml}); checked at start-up by
 * {@link WorkflowConfig}.
 *
 * @param reassessment the reassessment schedule per program id, {@code default} for programs without their own
 * @param taskLifecycles per Task kind ({@code fulfill}, {@code screening}, {@code reassessment})
 * @param assessments the scores recorded from each scored form
 */
@ConfigurationProperties("adapter.workflow")
public record WorkflowProperties(
    Referrals referrals,
    Screening screening,
    Enrollment enrollment,
    Map<String, List<Phase>> reassessment,
    Discharge discharge,
    Map<String, TaskLifecycle> taskLifecycles,
    List<AssessmentScoring> assessments) {

  public WorkflowProperties {
    reassessment = reassessment == null ? Map.of() : Map.copyOf(reassessment);
    taskLifecycles = taskLifecycles == null ? Map.of() : Map.copyOf(taskLifecycles);
    assessments = assessments == null ? List.of() : List.copyOf(assessments);
  }

  /** Due dates of the Tasks a referral opens, from the referral's authoredOn. */
  public record Referrals(Period screeningDueWithin, Period fulfilmentDueWithin) {}

  /**
   * @param questionnaire the eligibility-screening form's canonical URL
   * @param defaultPrograms evaluated after a screening when the referral names no program
   */
  public record Screening(String questionnaire, List<String> defaultPrograms) {
    public Screening {
      defaultPrograms = defaultPrograms == null ? List.of() : List.copyOf(defaultPrograms);
    }
  }

  public record Enrollment(boolean requiresEligibility) {}

  /**
   * One phase of a reassessment schedule.
   *
   * @param until how long after the enrollment start the phase lasts; null for the last phase
   * @param every the interval between reassessments in this phase
   */
  public record Phase(String phase, Period until, Period every) {}

  public record Discharge(Period windowBeforeEnrollment) {}

  /** The statuses a kind of Task starts in, and where each status may go. */
  public record TaskLifecycle(List<String> initial, Map<String, List<String>> transitions) {
    public TaskLifecycle {
      initial = initial == null ? List.of() : List.copyOf(initial);
      transitions = transitions == null ? Map.of() : Map.copyOf(transitions);
    }
  }

  /**
   * @param ratings whether each rated item (answer options with ordinal values) is recorded as a score
   * @param scores the calculated items recorded as scores
   */
  public record AssessmentScoring(String questionnaire, boolean ratings, List<Score> scores) {
    public AssessmentScoring {
      scores = scores == null ? List.of() : List.copyOf(scores);
    }
  }

  /** A calculated item recorded as a score, with the bands it is interpreted by (lowest first; none for most). */
  public record Score(String item, List<Band> bands) {
    public Score {
      bands = bands == null ? List.of() : List.copyOf(bands);
    }
  }

  /** A band from a lowest score up to the next band's: its code (SNOMED CT) and words. */
  public record Band(BigDecimal from, String code, String display, String text) {}
}
