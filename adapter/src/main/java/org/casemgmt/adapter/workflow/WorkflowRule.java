package org.casemgmt.adapter.workflow;

import org.casemgmt.profiles.ImplementationGuide;

/**
 * The rules of the care-coordination workflow, by the stable id a refusal names (the codes of the guide's
 * workflow-rule CodeSystem, where each is defined).
 */
public enum WorkflowRule {
  ISP_ACTIVATION_REQUIRES_CLIENT_APPROVAL("isp-activation-requires-client-approval"),
  ISP_ACTIVATION_REQUIRES_MEASURABLE_GOALS("isp-activation-requires-measurable-goals"),
  CASE_MANAGER_ASSIGNMENT_REQUIRES_APPROVED_ISP("case-manager-assignment-requires-approved-isp"),
  ENROLLMENT_NAMES_PROGRAM_AND_MODEL("enrollment-names-program-and-model"),
  ENROLLMENT_REQUIRES_ELIGIBILITY("enrollment-requires-eligibility"),
  TASK_STATUS_TRANSITION("task-status-transition"),
  TASK_CLOSED_WITH_OUTCOME("task-closed-with-outcome"),
  ASSESSMENT_RESPONSE_VALID("assessment-response-valid"),
  ASSESSMENT_RESPONSE_COMPLETE("assessment-response-complete"),
  DISCHARGE_REQUIRES_REASON("discharge-requires-reason");

  public static final String SYSTEM = ImplementationGuide.CANONICAL + "/CodeSystem/workflow-rule";

  private final String id;

  WorkflowRule(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** A breach of this rule at an element of the written resource. */
  public Breach breach(String expression, String reason) {
    return new Breach(this, expression, reason);
  }
}
