package org.casemgmt.adapter.claims;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.casemgmt.adapter.storage.DatabaseKind;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.batch.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job that loads one claim file: stage its claims (chunks of {@code adapter.claims.chunk-size}), then derive the
 * evidence of the members they concern. Built per file, because its reader and writers are the file's; Spring Batch
 * knows a job by name and identifying parameters, so a file dropped again after a crash resumes where its last
 * committed chunk ended.
 */
@Component
class ClaimFileJob {
  static final String NAME = "claim-file";
  static final String STAGE = "stage-claims";
  static final String DERIVE = "derive-evidence";

  private final JobRepository jobs;
  private final PlatformTransactionManager transactions;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final StagingMethod staging;
  private final ClaimsEvidenceRecorder recorder;
  private final ClaimsProperties properties;
  private final StepExecutionListener statistics;

  ClaimFileJob(JobRepository jobs, PlatformTransactionManager transactions, DataSource dataSource, JdbcTemplate jdbc,
      StagingMethod staging, ClaimsEvidenceRecorder recorder, ClaimsProperties properties,
      DataSourceProperties database) {
    this.jobs = jobs;
    this.transactions = transactions;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.staging = staging;
    this.recorder = recorder;
    this.properties = properties;
    this.statistics = refreshStatistics(jdbc, DatabaseKind.fromJdbcUrl(database.getUrl()));
  }

  /**
   * After a bulk load PostgreSQL's planner still believes the staging tables as small as before (autovacuum analyses
   * them later), and the evidence step's per-member queries would scan whole tables; ANALYZE now tells it.
   */
  private static StepExecutionListener refreshStatistics(JdbcTemplate jdbc, DatabaseKind database) {
    return new StepExecutionListener() {
      @Override
      public ExitStatus afterStep(StepExecution step) {
        if (database == DatabaseKind.POSTGRESQL) {
          jdbc.execute("ANALYZE cm_claim, cm_claim_line, cm_claim_diagnosis, cm_claim_member");
        }
        return null;
      }
    };
  }

  /**
   * The latest execution of one of the job's steps for the file, whichever run it was in: a resumed job does not
   * run again a step that completed before it was cut short.
   */
  Optional<StepExecution> lastStep(JobExecution run, String stepName) {
    return Optional.ofNullable(jobs.getLastStepExecution(run.getJobInstance(), stepName));
  }

  Job forFile(Path file, long fileId) {
    String name = file.getFileName().toString();
    ClaimStagingWriter stagingWriter = new ClaimStagingWriter(jdbc, staging, fileId);
    Step stage = new StepBuilder(STAGE, jobs).<FileItem, FileItem>chunk(properties.chunkSize(), transactions)
        .reader(new ClaimFileReader(file)).writer(stagingWriter)
        .listener(stagingWriter).listener(new ClaimsProgress(name, properties.progressEvery()))
        .listener(statistics)
        .build();
    EvidenceWriter evidenceWriter = new EvidenceWriter(recorder, jdbc, fileId, name);
    Step derive = new StepBuilder(DERIVE, jobs).<String, String>chunk(properties.memberChunk(), transactions)
        .reader(membersOf(fileId)).writer(evidenceWriter).listener(evidenceWriter)
        .build();
    return new JobBuilder(NAME, jobs).start(stage).next(derive).build();
  }

  /** The members the file's claims concern, in a stable order so that a resumed step skips exactly the done ones. */
  private JdbcCursorItemReader<String> membersOf(long fileId) {
    return new JdbcCursorItemReaderBuilder<String>().name("file-members").dataSource(dataSource)
        .sql("SELECT DISTINCT member_id FROM cm_claim WHERE file_id = ? ORDER BY member_id")
        .queryArguments(fileId).rowMapper((row, number) -> row.getString(1)).build();
  }
}
