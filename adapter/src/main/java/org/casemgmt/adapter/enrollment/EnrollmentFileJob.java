package org.casemgmt.adapter.enrollment;

import java.nio.file.Path;
import org.casemgmt.adapter.files.FeedFileJob;
import org.casemgmt.adapter.files.FileItem;
import org.casemgmt.adapter.files.MemberShares;
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
 * them on the client record, {@code adapter.enrollment.chunk-size} members per transaction, shared among
 * {@code adapter.enrollment.writers} writers working side by side (each reads the file and records its own members).
 * There is no staging: a member's record is a handful of fields that go straight to the client record. Built per
 * file; Spring Batch knows a job by name and identifying parameters, so a file dropped again after a crash resumes
 * each writer after its last committed chunk.
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

  /** How the file's members are shared among the writers. */
  MemberShares shares() {
    return new MemberShares(RECORD, properties.writers());
  }

  @Override
  public Job forFile(Path file, long fileId) {
    String name = file.getFileName().toString();
    MemberShares shares = shares();
    Step record = shares.step(jobs, share -> {
      EnrollmentWriter writer = new EnrollmentWriter(recorder, jdbc, fileId, name, properties.progressEvery());
      ReadAheadReader<ParsedMember> members = new ReadAheadReader<>(() -> parser.open(file), READ,
          "enrollment-parser-" + share + "-" + name);
      return new StepBuilder(shares.writerStep(share), jobs)
          .<FileItem<ParsedMember>, FileItem<ParsedMember>>chunk(properties.chunkSize(), transactions)
          .reader(shares.reader(share, members, EnrollmentFileJob::memberId)).writer(writer).listener(writer)
          .build();
    });
    return new JobBuilder(NAME, jobs).start(record).build();
  }

  /** The member a record is of, accepted or rejected (null when the file did not say). */
  private static String memberId(FileItem<ParsedMember> item) {
    return item.parsed().isAccepted() ? item.parsed().maintenance().memberId()
        : item.parsed().rejection().memberId();
  }
}
