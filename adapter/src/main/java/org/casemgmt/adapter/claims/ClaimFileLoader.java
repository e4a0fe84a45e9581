package org.casemgmt.adapter.claims;

import java.time.Clock;
import java.util.Optional;
import org.casemgmt.adapter.files.FeedFileLoader;
import org.casemgmt.adapter.files.FeedFiles;
import org.casemgmt.adapter.files.FileReport;
import org.casemgmt.adapter.files.MemberShares;
import org.casemgmt.routes.claims.ClaimFileIntake;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a claim file with its batch job; its report counts the claims staged and rejected and the evidence derived,
 * and lists every rejected claim or refused member with where and why, from the rejection table (so a report of a
 * resumed job lists the rejections of both runs).
 */
@Component
class ClaimFileLoader extends FeedFileLoader implements ClaimFileIntake {
  private final FeedFiles files;
  private final ClaimFileJob job;
  private final JdbcTemplate jdbc;

  ClaimFileLoader(ClaimFileJob job, @Qualifier("claimFiles") FeedFiles files, JobLauncher feedFileJobLauncher,
      JobRepository jobs, JdbcTemplate jdbc, Clock clock) {
    super(files, job, feedFileJobLauncher, jobs, clock);
    this.files = files;
    this.job = job;
    this.jdbc = jdbc;
  }

  @Override
  protected void describe(FileReport report, long fileId, JobExecution execution) {
    Optional<StepExecution> stage = files.lastStep(execution, ClaimFileJob.STAGE);
    if (stage.isPresent()) {
      report.count("items read", FeedFiles.count(stage, ClaimFileJob.READ))
          .count("claims staged", FeedFiles.count(stage, ClaimStagingWriter.STAGED))
          .count("lines staged", FeedFiles.count(stage, ClaimStagingWriter.LINES))
          .count("claims rejected", FeedFiles.count(stage, ClaimStagingWriter.REJECTED));
    }
    MemberShares.Writers derive = job.shares().of(files, execution);
    if (!derive.steps().isEmpty()) {
      report.count("members", derive.sum(EvidenceWriter.MEMBERS))
          .count("members whose evidence changed", derive.sum(EvidenceWriter.MEMBERS_CHANGED))
          .count("evidence written", derive.sum(EvidenceWriter.WRITTEN))
          .count("evidence retracted", derive.sum(EvidenceWriter.RETRACTED))
          .count("members refused", derive.sum(EvidenceWriter.REFUSED));
    }
    report.rejections("item|scope|claim id|member id|location|reason", jdbc.query("SELECT position, scope,"
        + " claim_id, member_id, location, reason FROM cm_claim_rejection WHERE file_id = ? ORDER BY position, id",
        (row, number) -> String.join("|", row.getObject("position") == null ? "" : row.getString("position"),
            row.getString("scope"), nonNull(row.getString("claim_id")), nonNull(row.getString("member_id")),
            row.getString("location"), row.getString("reason")), fileId));
  }

  /** Claims staged; claims rejected and members whose evidence the record refused. */
  @Override
  protected Items items(long fileId, JobExecution execution) {
    Optional<StepExecution> stage = files.lastStep(execution, ClaimFileJob.STAGE);
    return new Items(FeedFiles.count(stage, ClaimStagingWriter.STAGED), FeedFiles.count(stage,
        ClaimStagingWriter.REJECTED) + job.shares().of(files, execution).sum(EvidenceWriter.REFUSED));
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
