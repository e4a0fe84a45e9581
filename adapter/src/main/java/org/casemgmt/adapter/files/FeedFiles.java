package org.casemgmt.adapter.files;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.jobs.StepCounters;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files one feed has received, each known by the SHA-256 of its content (a row of the feed's file table: the same
 * bytes dropped again are the same file), the runs of their jobs, and their way back from the error folder.
 */
public class FeedFiles {
  private final JdbcTemplate jdbc;
  private final JobExplorer jobExplorer;
  private final JobRepository jobs;
  private final String table;
  private final String label;
  private final String jobName;
  private final Path inbox;
  private final Clock clock;

  /**
   * @param table   the feed's file table ({@code id, sha256, file_name, received_at})
   * @param label   what the feed's files are called in reports and messages, e.g. {@code claim file}
   * @param jobName the name of the feed's job, whose executions are the files' runs
   */
  public FeedFiles(JdbcTemplate jdbc, JobExplorer jobExplorer, JobRepository jobs, String table, String label,
      String jobName, Path inbox, Clock clock) {
    this.jdbc = jdbc;
    this.jobExplorer = jobExplorer;
    this.jobs = jobs;
    this.table = table;
    this.label = label;
    this.jobName = jobName;
    this.inbox = inbox;
    this.clock = clock;
  }

  /** A file received, as first dropped. */
  public record Received(long id, String name, String sha256, LocalDateTime receivedAt) {
  }

  /**
   * A file and the latest run of its job; {@code runs} counts a resumed job's runs.
   *
   * @param latest the latest execution of the file's job, null before it ran
   */
  public record Run(long id, String name, String sha256, LocalDateTime receivedAt, String status, String exit,
      LocalDateTime started, LocalDateTime ended, long runs, @JsonIgnore JobExecution latest) {
  }

  public String label() {
    return label;
  }

  /** The file's row (one per distinct content); the name is the one it was first dropped under. */
  public Received register(Path file) throws IOException {
    String sha256;
    try (InputStream in = Files.newInputStream(file)) {
      sha256 = Digests.sha256(in);
    }
    jdbc.update("INSERT INTO " + table + " (sha256, file_name, received_at) SELECT ?, ?, ? WHERE NOT EXISTS"
        + " (SELECT 1 FROM " + table + " WHERE sha256 = ?)", sha256, file.getFileName().toString(),
        LocalDateTime.now(clock), sha256);
    return jdbc.query("SELECT id, file_name, sha256, received_at FROM " + table + " WHERE sha256 = ?",
        (row, number) -> received(row), sha256).get(0);
  }

  /** Every file received, newest first. */
  public List<Received> all() {
    return jdbc.query("SELECT id, file_name, sha256, received_at FROM " + table + " ORDER BY id DESC",
        (row, number) -> received(row));
  }

  public Optional<Received> one(long id) {
    return jdbc.query("SELECT id, file_name, sha256, received_at FROM " + table + " WHERE id = ?",
        (row, number) -> received(row), id).stream().findFirst();
  }

  /** The file with the state of its job's latest run; its job is looked up for it alone. */
  public Run run(Received file) {
    List<Long> runs = runIds(file.id());
    Optional<JobExecution> latest = runs.stream().findFirst().map(jobExplorer::getJobExecution);
    return new Run(file.id(), file.name(), file.sha256(), file.receivedAt(),
        latest.map(run -> run.getStatus().name()).orElse("RECEIVED"),
        latest.map(run -> run.getExitStatus().getExitDescription()).filter(text -> !text.isBlank()).orElse(null),
        latest.map(JobExecution::getStartTime).orElse(null), latest.map(JobExecution::getEndTime).orElse(null),
        runs.size(), latest.orElse(null));
  }

  /** The executions of the file's job, newest first (another feed's file may have the same id). */
  private List<Long> runIds(long fileId) {
    return jdbc.queryForList("SELECT p.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS p"
        + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID"
        + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
        + " WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = 'fileId' AND p.PARAMETER_VALUE = ?"
        + " ORDER BY p.JOB_EXECUTION_ID DESC", Long.class, jobName, String.valueOf(fileId));
  }

  /**
   * The latest execution of one of the job's steps for the file, whichever run it was in: a resumed job does not
   * run again a step that completed before it was cut short. Empty when the job has not run.
   */
  public Optional<StepExecution> lastStep(JobExecution run, String stepName) {
    return run == null ? Optional.empty() : Optional.ofNullable(jobs.getLastStepExecution(run.getJobInstance(),
        stepName));
  }

  /** A counter of a step, 0 when the step did not run. */
  public static long count(Optional<StepExecution> step, String counter) {
    return step.map(execution -> StepCounters.get(execution, counter)).orElse(0L);
  }

  /** How long the step's latest run took, or has taken so far (a resumed step: its last run only). */
  public static long millis(Optional<StepExecution> step) {
    return step.filter(execution -> execution.getStartTime() != null).map(execution -> Duration.between(
        execution.getStartTime(), execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime())
        .toMillis()).orElse(0L);
  }

  /**
   * Puts a file from the error folder back into the inbox, once its cause is fixed (the database is back, say): its
   * job resumes after what was committed. A file with bad content is better corrected and dropped as a new file.
   *
   * @return false when the file is not in the error folder
   */
  public boolean replay(Received file) throws IOException {
    Path failed = inbox.resolve("error").resolve(file.name());
    if (!Files.isRegularFile(failed)) {
      return false;
    }
    Files.deleteIfExists(failed.resolveSibling(file.name() + ".report"));
    Files.move(failed, inbox.resolve(file.name()));
    return true;
  }

  private static Received received(ResultSet row) throws SQLException {
    return new Received(row.getLong("id"), row.getString("file_name"), row.getString("sha256"),
        row.getTimestamp("received_at").toLocalDateTime());
  }
}
