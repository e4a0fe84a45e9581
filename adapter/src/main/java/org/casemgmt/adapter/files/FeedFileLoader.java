package org.casemgmt.adapter.files;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.casemgmt.adapter.jobs.InterruptedJobs;
import org.casemgmt.routes.files.FileIntake;
import org.casemgmt.routes.files.UnreadableFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Loads a file dropped into a feed's inbox with the feed's batch job and says what became of it. A file is known by
 * the SHA-256 of its content: the same content dropped again is reported as already loaded and changes nothing, and a
 * file whose job was cut short (the service was killed, the database went away) resumes after its last committed
 * chunk. The feed says what its job is and what its report counts.
 */
public abstract class FeedFileLoader implements FileIntake {
  private static final Logger log = LoggerFactory.getLogger(FeedFileLoader.class);

  private final FeedFiles files;
  private final FeedFileJob job;
  private final JobLauncher launcher;
  private final JobRepository jobs;
  private final Clock clock;

  /** @param launcher one that runs jobs on the caller's thread, so that a file is done when its exchange is */
  protected FeedFileLoader(FeedFiles files, FeedFileJob job, JobLauncher launcher, JobRepository jobs, Clock clock) {
    this.files = files;
    this.job = job;
    this.launcher = launcher;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** What the report adds after its header: the feed's counts and its rejected items. */
  protected abstract void describe(FileReport report, long fileId, JobExecution execution);

  /**
   * How many of a completed file's items were taken, and how many were not (rejected as read, or refused by the
   * record): what tells a file loaded whole from one loaded in part or not at all.
   */
  protected abstract Items items(long fileId, JobExecution execution);

  /** @see #items */
  public record Items(long taken, long notTaken) {
  }

  @Override
  public Result load(Path file) {
    String name = file.getFileName().toString();
    String label = capitalised(files.label());
    try {
      FeedFiles.Received received = files.register(file);
      long fileId = received.id();
      JobParameters parameters = new JobParametersBuilder().addString("sha256", received.sha256())
          .addString("file", file.toAbsolutePath().toString(), false).addLong("fileId", fileId, false)
          .toJobParameters();
      abandonInterrupted(parameters);
      log.info("{} {} (file {}): loading", label, name, fileId);
      JobExecution execution;
      try {
        execution = launcher.run(job.forFile(file, fileId), parameters);
      } catch (JobInstanceAlreadyCompleteException done) {
        log.info("{} {} (file {}): the same content was loaded before; nothing changed", label, name, fileId);
        return new Result(Outcome.ALREADY_LOADED, new FileReport(files.label(), name, fileId,
            Outcome.ALREADY_LOADED).text("The same content was loaded before (see its first report); nothing"
                + " changed.").toString());
      }
      Outcome outcome = outcome(execution, fileId);
      log.info("{} {} (file {}): {}", label, name, fileId, outcome);
      FileReport report = new FileReport(files.label(), name, fileId, outcome).failure(execution);
      if (outcome == Outcome.REJECTED) {
        report.text("Nothing in the file could be taken: each item's reason is below. Correct them and send the"
            + " file again.");
      }
      describe(report, fileId, execution);
      return new Result(outcome, report.toString());
    } catch (Exception e) {
      log.error("{} {} could not be loaded", label, name, e);
      return new Result(Outcome.FAILED, files.label() + ": " + name + "\noutcome: FAILED\nreason: " + e.getMessage()
          + "\nDrop the file again once the cause is fixed; it resumes after what was committed.\n");
    }
  }

  private Outcome outcome(JobExecution execution, long fileId) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      Items items = items(fileId, execution);
      return items.notTaken() == 0 ? Outcome.LOADED
          : items.taken() == 0 ? Outcome.REJECTED : Outcome.LOADED_WITH_REJECTIONS;
    }
    boolean unreadable = execution.getAllFailureExceptions().stream().anyMatch(failure -> unreadable(failure)
        .isPresent());
    return unreadable ? Outcome.UNREADABLE : Outcome.FAILED;
  }

  static Optional<UnreadableFile> unreadable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnreadableFile unreadable) {
        return Optional.of(unreadable);
      }
    }
    return Optional.empty();
  }

  /**
   * A feed's files load one at a time, on the node holding its inbox's cluster lease (routes' ClusterSingleton), so an
   * execution of this file still marked as running was cut short: by this node's last stop, or by a node that died
   * and whose lease ran out.
   */
  private void abandonInterrupted(JobParameters parameters) {
    JobExecution last = jobs.getLastJobExecution(job.name(), parameters);
    if (last == null || !last.getStatus().isRunning()) {
      return;
    }
    log.warn("{} job execution {} was cut short (the service stopped during it); resuming it",
        capitalised(files.label()), last.getId());
    InterruptedJobs.markFailed(jobs, last, clock);
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
