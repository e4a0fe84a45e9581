package org.casemgmt.adapter.jobs;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A job execution still marked as running when nothing on this node runs it was cut short when the service died.
 * Marking it (and its running steps) failed tells operators so, and lets Spring Batch restart it from its last
 * committed chunk.
 */
public final class InterruptedJobs {
  private InterruptedJobs() {
  }

  public static void markFailed(JobRepository jobs, JobExecution execution, Clock clock) {
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getStatus().isRunning()) {
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
        step.setEndTime(LocalDateTime.now(clock));
        jobs.update(step);
      }
    }
    execution.setStatus(BatchStatus.FAILED);
    execution.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
    execution.setEndTime(LocalDateTime.now(clock));
    jobs.update(execution);
  }
}
