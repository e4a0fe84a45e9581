package org.casemgmt.adapter.enrollment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.files.FeedFiles;
import org.casemgmt.adapter.files.FeedFilesEndpoints;
import org.casemgmt.adapter.files.MemberShares;
import org.springframework.batch.core.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of the enrollment feed (see {@link FeedFilesEndpoints}): members and changes per file. */
@RestController
@RequestMapping("/admin/enrollment/files")
class EnrollmentFilesController extends FeedFilesEndpoints<EnrollmentFilesController.FileStatus> {
  private final JdbcTemplate jdbc;
  private final FeedFiles files;
  private final EnrollmentFileJob job;

  EnrollmentFilesController(JdbcTemplate jdbc, @Qualifier("enrollmentFiles") FeedFiles files, EnrollmentFileJob job) {
    super(files);
    this.jdbc = jdbc;
    this.files = files;
    this.job = job;
  }

  /**
   * A file and the latest run of its job. Counts add up over a resumed job's runs; the rate and times are of the
   * latest run.
   *
   * @param recordingMillis the time the writers spent on the client record, added up (they work side by side, so it
   *                        can exceed {@code recordMillis}; the rest is waiting for the parser and bookkeeping)
   */
  record FileStatus(@JsonUnwrapped FeedFiles.Run file, long itemsRead, long membersRecorded, long membersRejected,
      long membersRefused, long clientsCreated, long clientsUpdated, long coveragesWritten, long membersUnchanged,
      long membersPerSecond, long recordMillis, long recordingMillis) {
  }

  record Rejection(long item, String scope, String memberId, String location, String reason) {
  }

  @Override
  protected List<Rejection> rejectionsOf(long fileId) {
    return jdbc.query("SELECT position, scope, member_id, location, reason FROM cm_enrollment_rejection"
        + " WHERE file_id = ? ORDER BY position, id", (row, number) -> new Rejection(row.getLong("position"),
            row.getString("scope"), row.getString("member_id"), row.getString("location"), row.getString("reason")),
        fileId);
  }

  @Override
  protected FileStatus status(FeedFiles.Run run) {
    Optional<StepExecution> step = files.lastStep(run.latest(), EnrollmentFileJob.RECORD);
    MemberShares.Writers writers = job.shares().of(files, run.latest());
    long read = writers.least(EnrollmentFileJob.READ);
    return new FileStatus(run, read, writers.sum(EnrollmentWriter.RECORDED),
        writers.sum(EnrollmentWriter.REJECTED), writers.sum(EnrollmentWriter.REFUSED),
        writers.sum(EnrollmentWriter.CLIENTS_CREATED), writers.sum(EnrollmentWriter.CLIENTS_UPDATED),
        writers.sum(EnrollmentWriter.COVERAGES_WRITTEN), writers.sum(EnrollmentWriter.UNCHANGED),
        read * 1000 / Math.max(1, FeedFiles.millis(step)), FeedFiles.millis(step),
        writers.sum(EnrollmentWriter.RECORDING));
  }
}
