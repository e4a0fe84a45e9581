package org.casemgmt.adapter.jobs;

import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/**
 * Counters a step keeps beside Spring Batch's own (claims and members are items; lines, rejections and evidence are
 * not), in the step's execution context: saved with each committed chunk, so they survive a restart as exactly as the
 * data does.
 */
public final class StepCounters {
  private StepCounters() {
  }

  public static void add(StepExecution step, String counter, long amount) {
    if (step != null && amount != 0) {
      ExecutionContext context = step.getExecutionContext();
      context.putLong(counter, get(step, counter) + amount);
    }
  }

  public static long get(StepExecution step, String counter) {
    // Spring Batch's own readers keep their counts as int; ours are long.
    Object value = step == null ? null : step.getExecutionContext().get(counter);
    return value instanceof Number number ? number.longValue() : 0;
  }
}
