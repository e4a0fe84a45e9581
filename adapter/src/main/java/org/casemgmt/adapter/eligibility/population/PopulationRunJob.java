package org.casemgmt.adapter.eligibility.population;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.casemgmt.adapter.eligibility.determination.EligibilityEvaluations;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.batch.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.item.support.SynchronizedItemStreamReader;
import org.springframework.batch.item.support.builder.SynchronizedItemStreamReaderBuilder;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job that evaluates every client under one program on one date, a chunk of clients at a time and
 * {@code threads} chunks at once: each chunk's records are read together and its determinations recorded in one
 * transaction of its own (see {@link EligibilityEvaluations#evaluateAll}). Chunks hold different clients, so they
 * never write the same determination. A run is not restarted where it stopped (chunks finish out of order): a new run
 * finds what the stopped one recorded current and writes nothing again for it.
 */
@Component
class PopulationRunJob {
  static final String NAME = "eligibility-population";
  static final String STEP = "evaluate-clients";

  /**
   * The stored Patients' ids, oldest first, straight from HAPI's resource table: one cursor instead of paging a
   * FHIR search over the whole population; clients created during a run are evaluated at its end.
   */
  private static final String CLIENTS = "SELECT fhir_id FROM hfj_resource WHERE res_type = 'Patient'"
      + " AND res_deleted_at IS NULL ORDER BY res_id";

  private final JobRepository jobs;
  private final DataSource dataSource;
  private final EligibilityEvaluations evaluations;
  private final PopulationRunProperties properties;

  PopulationRunJob(JobRepository jobs, DataSource dataSource, EligibilityEvaluations evaluations,
      PopulationRunProperties properties) {
    this.jobs = jobs;
    this.dataSource = dataSource;
    this.evaluations = evaluations;
    this.properties = properties;
  }

  Job of(ProgramDefinition program, LocalDate date) {
    PopulationWriter writer = new PopulationWriter(evaluations, program, date, properties.progressEvery());
    Step evaluate = new StepBuilder(STEP, jobs)
        .<String, String>chunk(properties.chunkSize(), new ResourcelessTransactionManager())
        .reader(clients()).writer(writer).listener(writer)
        .taskExecutor(threads())
        .build();
    return new JobBuilder(NAME, jobs).start(evaluate).build();
  }

  private SynchronizedItemStreamReader<String> clients() {
    JdbcCursorItemReader<String> clients = new JdbcCursorItemReaderBuilder<String>().name("clients")
        .dataSource(dataSource).sql(CLIENTS).fetchSize(properties.chunkSize()).saveState(false)
        .rowMapper((row, number) -> row.getString(1)).build();
    return new SynchronizedItemStreamReaderBuilder<String>().delegate(clients).build();
  }

  private TaskExecutor threads() {
    SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("eligibility-population-chunk-");
    threads.setConcurrencyLimit(properties.threads());
    return threads;
  }
}
