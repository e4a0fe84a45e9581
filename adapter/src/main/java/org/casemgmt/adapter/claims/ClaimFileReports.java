package org.casemgmt.adapter.claims;

import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.jobs.StepCounters;
import org.casemgmt.routes.claims.ClaimFileIntake.Outcome;
import org.casemgmt.routes.claims.UnreadableClaimFile;
import org.springframework.batch.core.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The report written beside a claim file: its outcome, the counts, and every rejected claim or refused member with
 * where and why, from the rejection table (so a report of a resumed job lists the rejections of both runs). The
 * reasons may quote claim content: the report sits with the file it describes, never in a log.
 */
@Component
class ClaimFileReports {
  private final JdbcTemplate jdbc;
  private final ClaimFileJob job;

  ClaimFileReports(JdbcTemplate jdbc, ClaimFileJob job) {
    this.jdbc = jdbc;
    this.job = job;
  }

  String alreadyLoaded(long fileId, String name) {
    return header(name, fileId, Outcome.ALREADY_LOADED)
        + "The same content was loaded before (see its first report); nothing changed.\n";
  }

  String of(long fileId, String name, Outcome outcome, JobExecution execution) {
    StringBuilder report = new StringBuilder(header(name, fileId, outcome));
    Optional<UnreadableClaimFile> unreadable = execution.getAllFailureExceptions().stream()
        .map(ClaimFileLoader::unreadable).flatMap(Optional::stream).findFirst();
    if (unreadable.isPresent()) {
      report.append("reason: ").append(unreadable.get().getMessage()).append('\n');
    } else if (outcome == Outcome.FAILED) {
      execution.getAllFailureExceptions().stream().findFirst().ifPresent(failure -> report.append("reason: ")
          .append(failure.getMessage()).append('\n'));
      report.append("What was committed stands; drop the file again to resume after it.\n");
    }
    job.lastStep(execution, ClaimFileJob.STAGE).ifPresent(stage -> report.append(String.format(
        "items read: %d%nclaims staged: %d%nlines staged: %d%nclaims rejected: %d%n",
        StepCounters.get(stage, ClaimFileReader.POSITION), StepCounters.get(stage, ClaimStagingWriter.STAGED),
        StepCounters.get(stage, ClaimStagingWriter.LINES), StepCounters.get(stage, ClaimStagingWriter.REJECTED))));
    job.lastStep(execution, ClaimFileJob.DERIVE).ifPresent(derive -> report.append(String.format(
        "members: %d%nmembers whose evidence changed: %d%nevidence written: %d%nevidence retracted: %d%n"
            + "members refused: %d%n", StepCounters.get(derive, EvidenceWriter.MEMBERS),
        StepCounters.get(derive, EvidenceWriter.MEMBERS_CHANGED), StepCounters.get(derive, EvidenceWriter.WRITTEN),
        StepCounters.get(derive, EvidenceWriter.RETRACTED), StepCounters.get(derive, EvidenceWriter.REFUSED))));
    List<String> rejections = jdbc.query("SELECT position, scope, claim_id, member_id, location, reason"
        + " FROM cm_claim_rejection WHERE file_id = ? ORDER BY position, id", (row, number) -> String.join("|",
            String.valueOf(row.getObject("position") == null ? "" : row.getLong("position")), row.getString("scope"),
            nonNull(row.getString("claim_id")), nonNull(row.getString("member_id")), row.getString("location"),
            row.getString("reason").replace('\n', ' ')), fileId);
    if (!rejections.isEmpty()) {
      report.append("\nitem|scope|claim id|member id|location|reason\n");
      rejections.forEach(line -> report.append(line).append('\n'));
    }
    return report.toString();
  }

  private static String header(String name, long fileId, Outcome outcome) {
    return "claim file: " + name + "\nfile id: " + fileId + "\noutcome: " + outcome + "\n";
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
