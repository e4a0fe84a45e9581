package org.casemgmt.adapter.enrollment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.files.FeedFiles;
import org.casemgmt.adapter.files.FeedFilesEndpoints;
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

  EnrollmentFilesController(JdbcTemplate jdbc, @Qualifier("enrollmentFiles") FeedFiles files) {
    super(files);
    this.jdbc = jdbc;
    this.files = files;
  }

  /**
   * A file and the latest run of its job. Counts add up over a resumed job's runs; the rate and times are of the
   * latest run.
   *
   * @param recordingMillis of {@code recordMillis}, the time spent on the client record (the rest is waiting for
   *                        the parser and the step's own bookkeeping)
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
    long read = FeedFiles.count(step, EnrollmentFileJob.READ);
    return new FileStatus(run, read, FeedFiles.count(step, EnrollmentWriter.RECORDED),
        FeedFiles.count(step, EnrollmentWriter.REJECTED), FeedFiles.count(step, EnrollmentWriter.REFUSED),
        FeedFiles.count(step, EnrollmentWriter.CLIENTS_CREATED),
        FeedFiles.count(step, EnrollmentWriter.CLIENTS_UPDATED),
        FeedFiles.count(step, EnrollmentWriter.COVERAGES_WRITTEN), FeedFiles.count(step, EnrollmentWriter.UNCHANGED),
        read * 1000 / Math.max(1, FeedFiles.millis(step)), FeedFiles.millis(step),
        FeedFiles.count(step, EnrollmentWriter.RECORDING));
  }
}
