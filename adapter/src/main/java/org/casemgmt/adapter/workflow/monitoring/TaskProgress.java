package org.casemgmt.adapter.workflow.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.workflow.Breach;
import org.casemgmt.adapter.workflow.WorkflowCodes.TaskKind;
import org.casemgmt.adapter.workflow.WorkflowProperties;
import org.casemgmt.adapter.workflow.WorkflowProperties.TaskLifecycle;
import org.casemgmt.adapter.workflow.WorkflowRule;
import org.casemgmt.adapter.workflow.WorkflowStage;
import org.casemgmt.adapter.workflow.Written;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.stereotype.Component;

/**
 * Monitoring: referral Tasks (closed loop) and the workflow's own screening and reassessment Tasks move only along
 * their kind's lifecycle ({@code adapter.workflow.task-lifecycles}), and a Task that closes says how: completed with
 * what was done (output), rejected, cancelled or failed with why (statusReason). A completed reassessment schedules
 * the next one.
 */
@Component
class TaskProgress implements WorkflowStage<Task> {
  private static final Set<TaskStatus> CLOSED_WITH_REASON = Set.of(TaskStatus.REJECTED, TaskStatus.CANCELLED,
      TaskStatus.FAILED);

  private final Map<String, TaskLifecycle> lifecycles;
  private final Reassessments reassessments;

  TaskProgress(WorkflowProperties properties, Reassessments reassessments) {
    this.lifecycles = properties.taskLifecycles();
    this.reassessments = reassessments;
  }

  @Override
  public Class<Task> type() {
    return Task.class;
  }

  @Override
  public List<Breach> checkWrite(Written<Task> write) {
    Optional<TaskKind> kind = TaskKind.of(write.current());
    if (kind.isEmpty() || !write.changed(Task::getStatus)) {
      return List.of();
    }
    List<Breach> breaches = new ArrayList<>();
    transition(kind.get(), write).ifPresent(breaches::add);
    outcome(write.current()).ifPresent(breaches::add);
    return breaches;
  }

  @Override
  public void followUp(Written<Task> write) {
    if (TaskKind.of(write.current()).orElse(null) == TaskKind.REASSESSMENT
        && write.entered(Task::getStatus, TaskStatus.COMPLETED)) {
      reassessments.scheduleNext(write.current());
    }
  }

  private Optional<Breach> transition(TaskKind kind, Written<Task> write) {
    TaskLifecycle lifecycle = lifecycles.get(kind.code());
    String to = code(write.current().getStatus());
    if (write.isNew()) {
      return lifecycle.initial().contains(to) ? Optional.empty()
          : Optional.of(WorkflowRule.TASK_STATUS_TRANSITION.breach("Task.status", "a " + kind.code()
              + " Task starts as " + String.join(" or ", lifecycle.initial()) + ", not " + to));
    }
    String from = code(write.previous().getStatus());
    List<String> allowed = lifecycle.transitions().getOrDefault(from, List.of());
    if (allowed.contains(to) || TaskStatus.ENTEREDINERROR.toCode().equals(to)) {
      return Optional.empty();
    }
    return Optional.of(WorkflowRule.TASK_STATUS_TRANSITION.breach("Task.status", "a " + kind.code()
        + " Task moves from " + from + " to " + (allowed.isEmpty() ? "nothing (it is closed)"
            : String.join(", ", allowed)) + "; not to " + to));
  }

  private static Optional<Breach> outcome(Task task) {
    if (task.getStatus() == TaskStatus.COMPLETED && !task.hasOutput()) {
      return Optional.of(WorkflowRule.TASK_CLOSED_WITH_OUTCOME.breach("Task.output",
          "a completed Task says what was done (output: the resulting service, response or document)"));
    }
    if (CLOSED_WITH_REASON.contains(task.getStatus()) && !task.getStatusReason().hasText()
        && !task.getStatusReason().hasCoding()) {
      return Optional.of(WorkflowRule.TASK_CLOSED_WITH_OUTCOME.breach("Task.statusReason",
          "a " + task.getStatus().toCode() + " Task says why (statusReason)"));
    }
    return Optional.empty();
  }

  private static String code(TaskStatus status) {
    return status == null ? "no status" : status.toCode();
  }
}
