package org.casemgmt.adapter.careplan;

import static org.casemgmt.adapter.testing.GuideExamples.example;

import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;

/**
 * Individualized Service Plans and goals for tests, from the guide's examples: about a client the test created,
 * without the references to resources the test has no need of (case-management team, diagnoses, referrals, author).
 */
public final class Isps {
  public static final String APPROVAL = "https://fhir.casemgmt-adapter.org/StructureDefinition/isp-approval";

  private Isps() {
  }

  /** A measurable goal of the client: a target measure, a value to reach and a due date. */
  public static Goal goal(String client) {
    Goal goal = example("isp-goal", Goal.class);
    goal.setSubject(new Reference(client));
    goal.setExpressedBy(new Reference(client));
    goal.getAddresses().clear();
    return goal;
  }

  /** A plan being drafted with the client: no approval yet. */
  public static CarePlan draft(String client, List<String> goals) {
    CarePlan plan = example("isp", CarePlan.class);
    plan.setStatus(CarePlan.CarePlanStatus.DRAFT);
    plan.getExtension().clear();
    plan.setSubject(new Reference(client));
    plan.setAuthor(null);
    plan.getContributor().clear();
    plan.addContributor(new Reference(client));
    plan.getCareTeam().clear();
    plan.getAddresses().clear();
    plan.getActivity().clear();
    plan.getGoal().clear();
    goals.forEach(goal -> plan.addGoal(new Reference(goal)));
    return plan;
  }

  /**
   * The plan approved by the client (the guide's isp-approval: who, when) and made active; the workflow refuses to
   * activate a plan without it, or without measurable goals (pass some to {@link #draft}).
   */
  public static CarePlan approvedAndActive(CarePlan plan, String client) {
    plan.getExtension().removeIf(extension -> APPROVAL.equals(extension.getUrl()));
    Extension approval = plan.addExtension().setUrl(APPROVAL);
    approval.addExtension("approver", new Reference(client));
    approval.addExtension("date", new DateTimeType("2026-03-02T10:30:00-06:00"));
    plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
    return plan;
  }
}
