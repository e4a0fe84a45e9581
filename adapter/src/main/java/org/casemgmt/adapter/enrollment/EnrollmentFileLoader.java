package org.casemgmt.adapter.enrollment;

import java.time.Clock;
import org.casemgmt.adapter.files.FeedFileLoader;
import org.casemgmt.adapter.files.FeedFiles;
import org.casemgmt.adapter.files.FileReport;
import org.casemgmt.adapter.files.MemberShares;
import org.casemgmt.routes.enrollment.EnrollmentFileIntake;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads an enrollment file with its batch job; its report counts the members recorded, rejected and refused and what
 * changed on the client record, and lists every rejected or refused member with where and why.
 */
@Component
class EnrollmentFileLoader extends FeedFileLoader implements EnrollmentFileIntake {
  private final FeedFiles files;
  private final EnrollmentFileJob job;
  private final JdbcTemplate jdbc;

  EnrollmentFileLoader(EnrollmentFileJob job, @Qualifier("enrollmentFiles") FeedFiles files,
      JobLauncher feedFileJobLauncher, JobRepository jobs, JdbcTemplate jdbc, Clock clock) {
    super(files, job, feedFileJobLauncher, jobs, clock);
    this.files = files;
    this.job = job;
    this.jdbc = jdbc;
  }

  @Override
  protected void describe(FileReport report, long fileId, JobExecution execution) {
    MemberShares.Writers writers = job.shares().of(files, execution);
    if (!writers.steps().isEmpty()) {
      report.count("items read", writers.least(EnrollmentFileJob.READ))
          .count("members recorded", writers.sum(EnrollmentWriter.RECORDED))
          .count("members rejected", writers.sum(EnrollmentWriter.REJECTED))
          .count("members refused", writers.sum(EnrollmentWriter.REFUSED))
          .count("clients created", writers.sum(EnrollmentWriter.CLIENTS_CREATED))
          .count("clients updated", writers.sum(EnrollmentWriter.CLIENTS_UPDATED))
          .count("coverages written", writers.sum(EnrollmentWriter.COVERAGES_WRITTEN))
          .count("members unchanged", writers.sum(EnrollmentWriter.UNCHANGED));
    }
    report.rejections("item|scope|member id|location|reason", jdbc.query("SELECT position, scope, member_id,"
        + " location, reason FROM cm_enrollment_rejection WHERE file_id = ? ORDER BY position, id",
        (row, number) -> String.join("|", row.getString("position"), row.getString("scope"),
            row.getString("member_id") == null ? "" : row.getString("member_id"), row.getString("location"),
            row.getString("reason")), fileId));
  }

  /** Members' records recorded; records rejected as read and members the record refused. */
  @Override
  protected Items items(long fileId, JobExecution execution) {
    MemberShares.Writers writers = job.shares().of(files, execution);
    return new Items(writers.sum(EnrollmentWriter.RECORDED), writers.sum(EnrollmentWriter.REJECTED)
        + writers.sum(EnrollmentWriter.REFUSED));
  }
}
