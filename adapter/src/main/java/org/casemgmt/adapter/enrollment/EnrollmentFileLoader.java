package org.casemgmt.adapter.enrollment;

import java.time.Clock;
import java.util.Optional;
import org.casemgmt.adapter.files.FeedFileLoader;
import org.casemgmt.adapter.files.FeedFiles;
import org.casemgmt.adapter.files.FileReport;
import org.casemgmt.routes.enrollment.EnrollmentFileIntake;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
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
  private final JdbcTemplate jdbc;

  EnrollmentFileLoader(EnrollmentFileJob job, @Qualifier("enrollmentFiles") FeedFiles files,
      JobLauncher feedFileJobLauncher, JobRepository jobs, JdbcTemplate jdbc, Clock clock) {
    super(files, job, feedFileJobLauncher, jobs, clock);
    this.files = files;
    this.jdbc = jdbc;
  }

  @Override
  protected void describe(FileReport report, long fileId, JobExecution execution) {
    Optional<StepExecution> step = files.lastStep(execution, EnrollmentFileJob.RECORD);
    if (step.isPresent()) {
      report.count("items read", FeedFiles.count(step, EnrollmentFileJob.READ))
          .count("members recorded", FeedFiles.count(step, EnrollmentWriter.RECORDED))
          .count("members rejected", FeedFiles.count(step, EnrollmentWriter.REJECTED))
          .count("members refused", FeedFiles.count(step, EnrollmentWriter.REFUSED))
          .count("clients created", FeedFiles.count(step, EnrollmentWriter.CLIENTS_CREATED))
          .count("clients updated", FeedFiles.count(step, EnrollmentWriter.CLIENTS_UPDATED))
          .count("coverages written", FeedFiles.count(step, EnrollmentWriter.COVERAGES_WRITTEN))
          .count("members unchanged", FeedFiles.count(step, EnrollmentWriter.UNCHANGED));
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
    Optional<StepExecution> step = files.lastStep(execution, EnrollmentFileJob.RECORD);
    return new Items(FeedFiles.count(step, EnrollmentWriter.RECORDED), FeedFiles.count(step,
        EnrollmentWriter.REJECTED) + FeedFiles.count(step, EnrollmentWriter.REFUSED));
  }
}
