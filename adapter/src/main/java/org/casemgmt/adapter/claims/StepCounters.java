package org.casemgmt.adapter.claims;

import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/**
 * Counters a step keeps beside Spring Batch's own (claims are items; lines, rejections and evidence are not), in the
 * step's execution context: saved with each committed chunk, so they survive a restart as exactly as the data does.
 */
final class StepCounters {
  private StepCounters() {
  }

  static void add(StepExecution step, String counter, long amount) {
    if (step != null && amount != 0) {
      ExecutionContext context = step.getExecutionContext();
      context.putLong(counter, context.getLong(counter, 0) + amount);
    }
  }

  static long get(StepExecution step, String counter) {
    return step == null ? 0 : step.getExecutionContext().getLong(counter, 0);
  }
}
