package org.casemgmt.adapter.claims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.casemgmt.adapter.jobs.InterruptedJobs;
import org.casemgmt.routes.claims.ClaimFileIntake;
import org.casemgmt.routes.claims.UnreadableClaimFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a claim file dropped into the inbox with its batch job and says what became of it. A file is known by the
 * SHA-256 of its content: the same content dropped again is reported as already loaded and changes nothing, and a file
 * whose job was cut short (the service was killed, the database went away) resumes after its last committed chunk.
 */
@Component
class ClaimFileLoader implements ClaimFileIntake {
  private static final Logger log = LoggerFactory.getLogger(ClaimFileLoader.class);

  private final ClaimFileJob job;
  private final JobLauncher launcher;
  private final JobRepository jobs;
  private final JdbcTemplate jdbc;
  private final ClaimFileReports reports;
  private final Clock clock;

  ClaimFileLoader(ClaimFileJob job, JobLauncher claimFileJobLauncher, JobRepository jobs, JdbcTemplate jdbc,
      ClaimFileReports reports, Clock clock) {
    this.job = job;
    this.launcher = claimFileJobLauncher;
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public Result load(Path file) {
    String name = file.getFileName().toString();
    try {
      String sha256 = sha256(file);
      long fileId = register(sha256, name);
      JobParameters parameters = new JobParametersBuilder().addString("sha256", sha256)
          .addString("file", file.toAbsolutePath().toString(), false).addLong("fileId", fileId, false)
          .toJobParameters();
      abandonInterrupted(parameters);
      log.info("Claim file {} (file {}): loading", name, fileId);
      JobExecution execution;
      try {
        execution = launcher.run(job.forFile(file, fileId), parameters);
      } catch (JobInstanceAlreadyCompleteException done) {
        log.info("Claim file {} (file {}): the same content was loaded before; nothing changed", name, fileId);
        return new Result(Outcome.ALREADY_LOADED, reports.alreadyLoaded(fileId, name));
      }
      Outcome outcome = outcome(execution);
      log.info("Claim file {} (file {}): {}", name, fileId, outcome);
      return new Result(outcome, reports.of(fileId, name, outcome, execution));
    } catch (Exception e) {
      log.error("Claim file {} could not be loaded", name, e);
      return new Result(Outcome.FAILED, "claim file: " + name + "\noutcome: FAILED\nreason: " + e.getMessage()
          + "\nDrop the file again once the cause is fixed; it resumes after what was committed.\n");
    }
  }

  private static Outcome outcome(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      return Outcome.LOADED;
    }
    boolean unreadable = execution.getAllFailureExceptions().stream().anyMatch(failure -> unreadable(failure)
        .isPresent());
    return unreadable ? Outcome.UNREADABLE : Outcome.FAILED;
  }

  static Optional<UnreadableClaimFile> unreadable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnreadableClaimFile unreadable) {
        return Optional.of(unreadable);
      }
    }
    return Optional.empty();
  }

  /** The file's row (one per distinct content); the name is the one it was first dropped under. */
  private long register(String sha256, String name) {
    jdbc.update("INSERT INTO cm_claim_file (sha256, file_name, received_at) SELECT ?, ?, ? WHERE NOT EXISTS"
        + " (SELECT 1 FROM cm_claim_file WHERE sha256 = ?)", sha256, name, LocalDateTime.now(clock), sha256);
    return jdbc.queryForObject("SELECT id FROM cm_claim_file WHERE sha256 = ?", Long.class, sha256);
  }

  /** Files load one at a time on this node, so an execution of this file still marked as running was cut short. */
  private void abandonInterrupted(JobParameters parameters) {
    JobExecution last = jobs.getLastJobExecution(ClaimFileJob.NAME, parameters);
    if (last == null || !last.getStatus().isRunning()) {
      return;
    }
    log.warn("Claim file job execution {} was cut short (the service stopped during it); resuming it",
        last.getId());
    InterruptedJobs.markFailed(jobs, last, clock);
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Digests.sha256(in);
    }
  }
}
