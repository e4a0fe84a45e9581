package org.casemgmt.adapter.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.workflow.WorkflowCodes.TaskKind;
import org.casemgmt.adapter.workflow.WorkflowProperties.Phase;
import org.casemgmt.adapter.workflow.WorkflowProperties.TaskLifecycle;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The care-coordination workflow: its policy checked while the service starts (a program, task status or schedule
 * that does not exist stops start-up with every problem listed), and its stages steps of the write pipeline
 * ({@code storage.WritePipeline}), so that writes from the FHIR API and from the feeds meet the same rules.
 */
@Configuration
class WorkflowConfig {
  private static final Logger log = LoggerFactory.getLogger(WorkflowConfig.class);

  @Bean
  WorkflowHooks workflowHooks(List<WorkflowStage<?>> stages, WorkflowProperties properties,
      ProgramDefinitions programs) {
    List<String> problems = problems(properties, programs);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("adapter.workflow: " + String.join("; ", problems));
    }
    WorkflowHooks hooks = new WorkflowHooks(stages);
    log.info("Care-coordination workflow: {} rules over {} stages; screening evaluated under {} by default;"
            + " enrollment requires eligibility: {}; reassessment schedules for {}; outcome window {}",
        WorkflowRule.values().length, stages.size(), properties.screening().defaultPrograms(),
        properties.enrollment().requiresEligibility(), properties.reassessment().keySet(),
        properties.discharge().windowBeforeEnrollment());
    return hooks;
  }

  static List<String> problems(WorkflowProperties properties, ProgramDefinitions programs) {
    List<String> problems = new ArrayList<>();
    if (properties.referrals() == null || properties.referrals().screeningDueWithin() == null
        || properties.referrals().fulfilmentDueWithin() == null) {
      problems.add("referrals.screening-due-within and referrals.fulfilment-due-within are required");
    }
    if (properties.screening() == null || properties.screening().questionnaire() == null) {
      problems.add("screening.questionnaire is required");
    } else {
      properties.screening().defaultPrograms().stream().filter(id -> programs.find(id).isEmpty())
          .forEach(id -> problems.add("screening.default-programs: no program '" + id + "' (" + programs.ids() + ")"));
    }
    if (properties.enrollment() == null) {
      problems.add("enrollment.requires-eligibility is required");
    }
    if (properties.discharge() == null || properties.discharge().windowBeforeEnrollment() == null) {
      problems.add("discharge.window-before-enrollment is required");
    }
    schedules(properties.reassessment(), programs, problems);
    lifecycles(properties.taskLifecycles(), problems);
    return problems;
  }

  private static void schedules(Map<String, List<Phase>> schedules, ProgramDefinitions programs,
      List<String> problems) {
    if (!schedules.containsKey("default")) {
      problems.add("reassessment.default is required (the schedule of programs without their own)");
    }
    schedules.forEach((program, phases) -> {
      String where = "reassessment." + program;
      if (!"default".equals(program) && programs.find(program).isEmpty()) {
        problems.add(where + ": no program '" + program + "' (" + programs.ids() + ")");
      }
      if (phases == null || phases.isEmpty()) {
        problems.add(where + ": no phases");
        return;
      }
      for (int i = 0; i < phases.size(); i++) {
        Phase phase = phases.get(i);
        boolean last = i == phases.size() - 1;
        if (phase.every() == null || phase.every().isNegative() || phase.every().isZero()) {
          problems.add(where + "[" + i + "].every must be a positive period");
        }
        if (last != (phase.until() == null)) {
          problems.add(where + "[" + i + "].until: every phase but the last lasts a time; the last one has none");
        }
      }
    });
  }

  private static void lifecycles(Map<String, TaskLifecycle> lifecycles, List<String> problems) {
    Set<String> statuses = Arrays.stream(TaskStatus.values()).filter(status -> status != TaskStatus.NULL)
        .map(TaskStatus::toCode).collect(Collectors.toSet());
    for (TaskKind kind : TaskKind.values()) {
      TaskLifecycle lifecycle = lifecycles.get(kind.code());
      if (lifecycle == null || lifecycle.initial().isEmpty()) {
        problems.add("task-lifecycles." + kind.code() + ".initial is required");
        continue;
      }
      List<String> named = new ArrayList<>(lifecycle.initial());
      lifecycle.transitions().forEach((from, to) -> {
        named.add(from);
        named.addAll(to);
      });
      named.stream().filter(status -> !statuses.contains(status)).distinct().forEach(status ->
          problems.add("task-lifecycles." + kind.code() + ": '" + status + "' is not a Task status"));
    }
    lifecycles.keySet().stream().filter(kind -> Arrays.stream(TaskKind.values()).noneMatch(k -> k.code().equals(kind)))
        .forEach(kind -> problems.add("task-lifecycles." + kind + ": not a kind of Task the workflow follows"));
  }
}
