package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.eligibility.ShippedPrograms;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.workflow.WorkflowProperties.Phase;
import org.casemgmt.adapter.workflow.WorkflowProperties.Screening;
import org.casemgmt.adapter.workflow.WorkflowProperties.TaskLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/**
 * The shipped workflow policy ({@code config/workflow.yml}) binds as Spring binds it and has no problems, a policy
 * naming what does not exist is refused with each problem named, and the rule ids are the guide's workflow-rule codes.
 */
public class WorkflowPolicyTest {
  private static final ProgramDefinitions PROGRAMS =
      ShippedPrograms.loader().loadDirectory(Path.of("../config/programs"));

  /** The policy in config/workflow.yml, bound as the service binds it. */
  public static WorkflowProperties shipped() throws IOException {
    Binder binder = new Binder(ConfigurationPropertySources.from(
        new YamlPropertySourceLoader().load("workflow", new FileSystemResource("../config/workflow.yml"))));
    return binder.bind("adapter.workflow", WorkflowProperties.class).get();
  }

  @Test
  void theShippedPolicyBindsAndHasNoProblems() throws IOException {
    WorkflowProperties policy = shipped();

    assertThat(WorkflowConfig.problems(policy, PROGRAMS)).isEmpty();
    assertThat(policy.taskLifecycles().get("fulfill").transitions().get("in-progress"))
        .containsExactly("completed", "failed", "cancelled", "on-hold");
    assertThat(policy.reassessment().get("default")).extracting(Phase::phase).containsExactly("active", "follow-up");
    assertThat(policy.reassessment().get("default").get(0).every()).isEqualTo(Period.ofDays(90));
    assertThat(policy.referrals().screeningDueWithin()).isEqualTo(Period.ofDays(14));
    assertThat(policy.assessments()).hasSize(2);
  }

  @Test
  void aPolicyNamingWhatDoesNotExistIsRefusedWithEveryProblem() throws IOException {
    WorkflowProperties shipped = shipped();
    Map<String, List<Phase>> schedules = new HashMap<>(shipped.reassessment());
    schedules.remove("default");
    schedules.put("no-such-program", List.of(new Phase("active", Period.ofMonths(6), Period.ofDays(30))));
    Map<String, TaskLifecycle> lifecycles = new HashMap<>(shipped.taskLifecycles());
    lifecycles.put("fulfill", new TaskLifecycle(List.of("requested"), Map.of("requested", List.of("finished"))));
    lifecycles.put("follow-up-call", lifecycles.get("screening"));
    WorkflowProperties broken = new WorkflowProperties(shipped.referrals(),
        new Screening(shipped.screening().questionnaire(), List.of("smi-everything")), shipped.enrollment(),
        schedules, shipped.discharge(), lifecycles, shipped.assessments());

    assertThat(WorkflowConfig.problems(broken, PROGRAMS)).containsExactlyInAnyOrder(
        "screening.default-programs: no program 'smi-everything' (" + PROGRAMS.ids() + ")",
        "reassessment.default is required (the schedule of programs without their own)",
        "reassessment.no-such-program: no program 'no-such-program' (" + PROGRAMS.ids() + ")",
        "reassessment.no-such-program[0].until: every phase but the last lasts a time; the last one has none",
        "task-lifecycles.fulfill: 'finished' is not a Task status",
        "task-lifecycles.follow-up-call: not a kind of Task the workflow follows");
  }

  @Test
  void everyRuleIsACodeOfTheGuidesWorkflowRuleCodeSystem() throws IOException {
    JsonNode codeSystem = new ObjectMapper().readTree(
        Path.of("../fhir-profiles/src/main/fhir/package/CodeSystem-workflow-rule.json").toFile());
    List<String> codes = new ArrayList<>();
    codeSystem.get("concept").forEach(concept -> codes.add(concept.get("code").asText()));

    assertThat(codeSystem.get("url").asText()).isEqualTo(WorkflowRule.SYSTEM);
    assertThat(Arrays.stream(WorkflowRule.values()).map(WorkflowRule::id))
        .containsExactlyInAnyOrderElementsOf(codes);
  }
}
