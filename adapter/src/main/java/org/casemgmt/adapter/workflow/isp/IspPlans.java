package org.casemgmt.adapter.workflow.isp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.workflow.Breach;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowRule;
import org.casemgmt.adapter.workflow.WorkflowStage;
import org.casemgmt.adapter.workflow.WorkflowStore;
import org.casemgmt.adapter.workflow.Written;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalTargetComponent;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The Individualized Service Plan: drafted with the client, it becomes active only once the client's approval is
 * recorded on it (the guide's isp-approval extension: who approved, the client or a representative, and when) and
 * only with measurable goals (a target measure, a value to reach and a due date).
 */
@Component
class IspPlans implements WorkflowStage<CarePlan> {
  private static final Set<CarePlanStatus> IN_FORCE = Set.of(CarePlanStatus.ACTIVE, CarePlanStatus.COMPLETED);
  private static final String APPROVAL = "CarePlan.extension('" + WorkflowCodes.ISP_APPROVAL + "')";

  private final WorkflowStore store;

  IspPlans(WorkflowStore store) {
    this.store = store;
  }

  @Override
  public Class<CarePlan> type() {
    return CarePlan.class;
  }

  @Override
  public List<Breach> checkWrite(Written<CarePlan> write) {
    CarePlan plan = write.current();
    boolean approvalMatters = write.changed(CarePlan::getStatus) || write.changed(IspPlans::approval);
    if (!WorkflowCodes.isIsp(plan) || !IN_FORCE.contains(plan.getStatus()) || !approvalMatters) {
      return List.of();
    }
    return approvalProblem(plan)
        .map(problem -> List.of(WorkflowRule.ISP_ACTIVATION_REQUIRES_CLIENT_APPROVAL.breach(APPROVAL,
            "an ISP becomes " + plan.getStatus().toCode() + " only once the client's approval is recorded on it"
                + " (isp-approval: approver and date); " + problem)))
        .orElse(List.of());
  }

  @Override
  public List<Breach> checkRecord(Written<CarePlan> write) {
    CarePlan plan = write.current();
    if (!WorkflowCodes.isIsp(plan) || !write.entered(CarePlan::getStatus, CarePlanStatus.ACTIVE)) {
      return List.of();
    }
    String rule = "an ISP becomes active only with measurable goals (target measure, value to reach, due date): ";
    if (plan.getGoal().isEmpty()) {
      return List.of(WorkflowRule.ISP_ACTIVATION_REQUIRES_MEASURABLE_GOALS.breach("CarePlan.goal",
          rule + "this one names no goal"));
    }
    List<Breach> breaches = new ArrayList<>();
    for (int i = 0; i < plan.getGoal().size(); i++) {
      Reference reference = plan.getGoal().get(i);
      Optional<Goal> goal = store.read(Goal.class, reference);
      String missing = goal.map(IspPlans::unmeasurable).orElse("not found");
      if (!missing.isEmpty()) {
        breaches.add(WorkflowRule.ISP_ACTIVATION_REQUIRES_MEASURABLE_GOALS.breach("CarePlan.goal[" + i + "]",
            rule + reference.getReference() + " " + missing));
      }
    }
    return breaches;
  }

  /** What a goal lacks to be measurable, or "" when it is. */
  private static String unmeasurable(Goal goal) {
    if (goal.getTarget().isEmpty()) {
      return "has no target";
    }
    for (GoalTargetComponent target : goal.getTarget()) {
      if (!target.hasMeasure()) {
        return "has a target without a measure";
      }
      if (!target.hasDetail()) {
        return "has a target without a value to reach (detail)";
      }
      if (!target.hasDue()) {
        return "has a target without a due date";
      }
    }
    return "";
  }

  /** What is wrong with the recorded approval, or empty when the client's approval is there. */
  private static Optional<String> approvalProblem(CarePlan plan) {
    Extension approval = approval(plan);
    if (approval == null) {
      return Optional.of("this one has none");
    }
    Extension approver = approval.getExtensionByUrl("approver");
    Extension date = approval.getExtensionByUrl("date");
    if (approver == null || !(approver.getValue() instanceof Reference who) || !who.hasReference()) {
      return Optional.of("the approval names no approver");
    }
    if (date == null || date.getValue() == null || date.getValue().isEmpty()) {
      return Optional.of("the approval has no date");
    }
    String type = who.getReferenceElement().getResourceType();
    // In a transaction that creates the client too, both name it by its entry's fullUrl (urn:uuid) until stored.
    boolean theClient = who.getReference().equals(plan.getSubject().getReference())
        || "Patient".equals(type) && plan.getSubject().hasReference()
        && who.getReferenceElement().getIdPart().equals(plan.getSubject().getReferenceElement().getIdPart());
    if (!theClient && !"RelatedPerson".equals(type)) {
      return Optional.of("the approver is " + who.getReference() + ", neither the client ("
          + plan.getSubject().getReference() + ") nor a representative (RelatedPerson)");
    }
    return Optional.empty();
  }

  private static Extension approval(CarePlan plan) {
    return plan.getExtensionByUrl(WorkflowCodes.ISP_APPROVAL);
  }
}
