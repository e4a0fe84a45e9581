package org.casemgmt.adapter.claims;

import java.time.ZoneId;
import org.casemgmt.adapter.jobs.StepCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Logs a long file's progress: claims read, staged and rejected, lines staged and the rate, every so many claims.
 * File name and counts only, never claim content.
 */
class ClaimsProgress implements ChunkListener {
  private static final Logger log = LoggerFactory.getLogger(ClaimsProgress.class);

  private final String fileName;
  private final int every;
  private long nextReport;

  ClaimsProgress(String fileName, int every) {
    this.fileName = fileName;
    this.every = every;
    this.nextReport = every;
  }

  @Override
  public void afterChunk(ChunkContext context) {
    StepExecution step = context.getStepContext().getStepExecution();
    long read = StepCounters.get(step, ClaimFileJob.READ);
    if (read < nextReport) {
      return;
    }
    nextReport = read + every;
    double seconds = Math.max(0.001, (System.currentTimeMillis()
        - step.getStartTime().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli()) / 1000.0);
    log.info("Claim file {}: {} items read, {} claims staged ({} lines), {} rejected, {} lines/s", fileName,
        read, StepCounters.get(step, ClaimStagingWriter.STAGED),
        StepCounters.get(step, ClaimStagingWriter.LINES), StepCounters.get(step, ClaimStagingWriter.REJECTED),
        Math.round(StepCounters.get(step, ClaimStagingWriter.LINES) / seconds));
  }
}
