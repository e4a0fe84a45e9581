package org.casemgmt.adapter.claims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.casemgmt.adapter.files.FeedFileJob;
import org.casemgmt.adapter.files.FileItem;
import org.casemgmt.adapter.files.MemberShares;
import org.casemgmt.adapter.files.ReadAheadReader;
import org.casemgmt.adapter.storage.DatabaseKind;
import org.casemgmt.routes.claims.ClaimReader;
import org.casemgmt.routes.claims.CsvClaimParser;
import org.casemgmt.routes.claims.ParsedClaim;
import org.casemgmt.routes.claims.X12ClaimParser;
import org.casemgmt.routes.files.UnreadableFile;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
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
 * evidence of the members they concern ({@code adapter.claims.writers} writers side by side, each its own members).
 * Built per file, because its reader and writers are the file's; Spring Batch knows a job by name and identifying
 * parameters, so a file dropped again after a crash resumes where its last committed chunks ended.
 */
@Component
class ClaimFileJob implements FeedFileJob {
  static final String NAME = "claim-file";
  static final String STAGE = "stage-claims";
  static final String DERIVE = "derive-evidence";
  /** The stage step's counter of items read (and committed): where a resumed job starts reading. */
  static final String READ = "claims.position";

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

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Job forFile(Path file, long fileId) {
    String name = file.getFileName().toString();
    ClaimStagingWriter stagingWriter = new ClaimStagingWriter(jdbc, staging, fileId);
    Step stage = new StepBuilder(STAGE, jobs)
        .<FileItem<ParsedClaim>, FileItem<ParsedClaim>>chunk(properties.chunkSize(), transactions)
        .reader(new ReadAheadReader<>(() -> open(file), READ, "claims-parser-" + name)).writer(stagingWriter)
        .listener(stagingWriter).listener(new ClaimsProgress(name, properties.progressEvery()))
        .listener(statistics)
        .build();
    MemberShares shares = shares();
    Step derive = shares.step(jobs, share -> {
      EvidenceWriter evidenceWriter = new EvidenceWriter(recorder, jdbc, fileId, name);
      return new StepBuilder(shares.writerStep(share), jobs)
          .<String, String>chunk(properties.memberChunk(), transactions)
          .reader(shares.reader(share, membersOf(fileId), memberId -> memberId)).writer(evidenceWriter)
          .listener(evidenceWriter)
          .build();
    });
    return new JobBuilder(NAME, jobs).start(stage).next(derive).build();
  }

  /** How the members whose evidence is derived are shared among the writers. */
  MemberShares shares() {
    return new MemberShares(DERIVE, properties.writers());
  }

  /** The format is told by content: X12 interchanges start with ISA, anything else is read as the CSV extract. */
  static ClaimReader open(Path file) throws UnreadableFile, IOException {
    return isX12(file) ? new X12ClaimParser().open(file) : new CsvClaimParser().open(file);
  }

  /** X12 interchanges start with ISA (after a byte-order mark or white space, which some senders add). */
  static boolean isX12(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1)
          .replace("\u00EF\u00BB\u00BF", "").stripLeading();
      return head.startsWith("ISA");
    }
  }

  /** The members the file's claims concern, in a stable order so that a resumed step skips exactly the done ones. */
  private JdbcCursorItemReader<String> membersOf(long fileId) {
    return new JdbcCursorItemReaderBuilder<String>().name("file-members").dataSource(dataSource)
        .sql("SELECT DISTINCT member_id FROM cm_claim WHERE file_id = ? ORDER BY member_id")
        .queryArguments(fileId).rowMapper((row, number) -> row.getString(1)).build();
  }
}
