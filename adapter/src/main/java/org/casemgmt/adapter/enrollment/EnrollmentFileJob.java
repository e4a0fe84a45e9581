package org.casemgmt.adapter.enrollment;

import java.nio.file.Path;
import org.casemgmt.adapter.files.FeedFileJob;
import org.casemgmt.adapter.files.FileItem;
import org.casemgmt.adapter.files.ReadAheadReader;
import org.casemgmt.routes.enrollment.ParsedMember;
import org.casemgmt.routes.enrollment.X12EnrollmentParser;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job that loads one enrollment file: one step that reads the members (parsing on a thread of its own) and records
 * them on the client record, {@code adapter.enrollment.chunk-size} members per transaction. There is no staging: a
 * member's record is a handful of fields that go straight to the client record. Built per file; Spring Batch knows a
 * job by name and identifying parameters, so a file dropped again after a crash resumes after its last committed
 * chunk.
 */
@Component
class EnrollmentFileJob implements FeedFileJob {
  static final String NAME = "enrollment-file";
  static final String RECORD = "record-members";
  /** The step's counter of items read (and committed): where a resumed job starts reading. */
  static final String READ = "enrollment.position";

  private final JobRepository jobs;
  private final PlatformTransactionManager transactions;
  private final JdbcTemplate jdbc;
  private final EnrollmentRecorder recorder;
  private final EnrollmentProperties properties;
  private final X12EnrollmentParser parser;

  EnrollmentFileJob(JobRepository jobs, PlatformTransactionManager transactions, JdbcTemplate jdbc,
      EnrollmentRecorder recorder, EnrollmentProperties properties) {
    this.jobs = jobs;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.recorder = recorder;
    this.properties = properties;
    this.parser = new X12EnrollmentParser(properties.memberIdQualifier());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Job forFile(Path file, long fileId) {
    String name = file.getFileName().toString();
    EnrollmentWriter writer = new EnrollmentWriter(recorder, jdbc, fileId, name, properties.progressEvery());
    Step record = new StepBuilder(RECORD, jobs)
        .<FileItem<ParsedMember>, FileItem<ParsedMember>>chunk(properties.chunkSize(), transactions)
        .reader(new ReadAheadReader<>(() -> parser.open(file), READ, "enrollment-parser-" + name))
        .writer(writer).listener(writer)
        .build();
    return new JobBuilder(NAME, jobs).start(record).build();
  }
}
