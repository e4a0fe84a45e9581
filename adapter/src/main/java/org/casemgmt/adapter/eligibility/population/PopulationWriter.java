package org.casemgmt.adapter.eligibility.population;

import java.time.LocalDate;
import java.util.List;
import org.casemgmt.adapter.eligibility.DeterminationOutcome;
import org.casemgmt.adapter.eligibility.determination.EligibilityEvaluations;
import org.casemgmt.adapter.eligibility.determination.RecordedDetermination;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.jobs.StepCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Evaluates a chunk of clients together (several chunks at once, on the step's threads; the counts are kept under
 * this writer's lock). A chunk that fails (a client whose record the store refuses to take a
 * determination for, say) is evaluated again client by client, so one client's failure costs only that client's
 * determination; the failure is counted and logged by Patient id, and the run goes on.
 */
class PopulationWriter implements ItemWriter<String>, StepExecutionListener {
  static final String CLIENTS = "clients";
  static final String EVALUATED = "evaluated";
  static final String WRITTEN = "written";
  static final String FAILED = "failed";
  private static final Logger log = LoggerFactory.getLogger(PopulationWriter.class);

  private final EligibilityEvaluations evaluations;
  private final ProgramDefinition program;
  private final LocalDate date;
  private final int progressEvery;
  private StepExecution step;
  private long started;

  PopulationWriter(EligibilityEvaluations evaluations, ProgramDefinition program, LocalDate date,
      int progressEvery) {
    this.evaluations = evaluations;
    this.program = program;
    this.date = date;
    this.progressEvery = progressEvery;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    this.step = stepExecution;
    this.started = System.nanoTime();
  }

  @Override
  public void write(Chunk<? extends String> chunk) {
    List<String> clients = List.copyOf(chunk.getItems());
    try {
      count(evaluations.evaluateAll(clients, program, date));
    } catch (RuntimeException chunkFailed) {
      clients.forEach(this::evaluateAlone);
    }
    read(clients.size());
  }

  private synchronized void read(int clients) {
    long before = StepCounters.get(step, CLIENTS);
    StepCounters.add(step, CLIENTS, clients);
    if (before / progressEvery != (before + clients) / progressEvery) {
      long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
      log.info("Population run {} ({} on {}): {} clients read, {} evaluated, {} determinations written,"
          + " {} failed; {} clients/s", step.getJobExecutionId(), program.id(), date,
          StepCounters.get(step, CLIENTS), StepCounters.get(step, EVALUATED), StepCounters.get(step, WRITTEN),
          StepCounters.get(step, FAILED), StepCounters.get(step, CLIENTS) / seconds);
    }
  }

  private void evaluateAlone(String client) {
    try {
      count(evaluations.evaluateAll(List.of(client), program, date));
    } catch (RuntimeException failure) {
      failed();
      // The class only: a message may quote the record.
      log.warn("Population run {}: Patient/{} could not be evaluated under {}: {}", step.getJobExecutionId(),
          client, program.id(), failure.getClass().getName());
    }
  }

  private synchronized void failed() {
    StepCounters.add(step, FAILED, 1);
  }

  private synchronized void count(List<RecordedDetermination> recorded) {
    StepCounters.add(step, EVALUATED, recorded.size());
    StepCounters.add(step, WRITTEN, recorded.stream().filter(RecordedDetermination::written).count());
    for (DeterminationOutcome outcome : DeterminationOutcome.values()) {
      StepCounters.add(step, outcome.code(),
          recorded.stream().filter(one -> one.outcome().equals(outcome.code())).count());
    }
  }
}
