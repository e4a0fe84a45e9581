package org.casemgmt.adapter.files;

import java.util.List;
import java.util.Optional;
import org.casemgmt.routes.files.FileIntake.Outcome;
import org.springframework.batch.core.JobExecution;

/**
 * The report written beside a feed file: its outcome, why it was not loaded when it was not, the feed's counts as
 * {@code key: value} lines, and a table of the items it rejected with where and why. The reasons may quote file
 * content: the report sits with the file it describes, never in a log.
 */
public final class FileReport {
  private final StringBuilder text = new StringBuilder();
  private final Outcome outcome;

  FileReport(String label, String name, long fileId, Outcome outcome) {
    this.outcome = outcome;
    text.append(label).append(": ").append(name).append("\nfile id: ").append(fileId).append("\noutcome: ")
        .append(outcome).append('\n');
  }

  /** Why the job did not complete: the file is unreadable (with the place), or loading failed part-way. */
  FileReport failure(JobExecution execution) {
    Optional<String> unreadable = execution.getAllFailureExceptions().stream()
        .map(FeedFileLoader::unreadable).flatMap(Optional::stream).findFirst().map(Throwable::getMessage);
    if (unreadable.isPresent()) {
      count("reason", unreadable.get());
    } else if (outcome == Outcome.FAILED) {
      execution.getAllFailureExceptions().stream().findFirst().ifPresent(failure -> count("reason",
          failure.getMessage()));
      text("What was committed stands; drop the file again to resume after it.");
    }
    return this;
  }

  /** A {@code key: value} line. */
  public FileReport count(String key, Object value) {
    text.append(key).append(": ").append(value).append('\n');
    return this;
  }

  public FileReport text(String line) {
    text.append(line).append('\n');
    return this;
  }

  /** The rejected items, one row each, columns separated by {@code |}; nothing when there are none. */
  public FileReport rejections(String header, List<String> rows) {
    if (!rows.isEmpty()) {
      text.append('\n').append(header).append('\n');
      rows.forEach(row -> text.append(row.replace('\n', ' ')).append('\n'));
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
