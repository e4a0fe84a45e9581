package org.casemgmt.adapter.claims;

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

/** The operator's view of the claims feed (see {@link FeedFilesEndpoints}): staging and evidence counts per file. */
@RestController
@RequestMapping("/admin/claims/files")
class ClaimFilesController extends FeedFilesEndpoints<ClaimFilesController.FileStatus> {
  private final JdbcTemplate jdbc;
  private final FeedFiles files;
  private final ClaimFileJob job;

  ClaimFilesController(JdbcTemplate jdbc, @Qualifier("claimFiles") FeedFiles files, ClaimFileJob job) {
    super(files);
    this.jdbc = jdbc;
    this.files = files;
    this.job = job;
  }

  /**
   * A file and the latest run of its job. Counts add up over a resumed job's runs and over the evidence's writers.
   *
   * @param derivingMillis  the time the evidence's writers spent deriving, added up (they work side by side, so with
   *                        {@code recordingMillis} it can exceed {@code deriveMillis})
   */
  record FileStatus(@JsonUnwrapped FeedFiles.Run file, long itemsRead, long claimsStaged, long linesStaged,
      long claimsRejected, long linesPerSecond, long stageMillis, long members, long membersChanged,
      long evidenceWritten, long evidenceRetracted, long membersRefused, long deriveMillis, long derivingMillis,
      long recordingMillis) {
  }

  record Rejection(Long item, String scope, String claimId, String memberId, String location, String reason) {
  }

  @Override
  protected List<Rejection> rejectionsOf(long fileId) {
    return jdbc.query("SELECT position, scope, claim_id, member_id, location, reason FROM cm_claim_rejection"
        + " WHERE file_id = ? ORDER BY position, id", (row, number) -> new Rejection(
            (Long) row.getObject("position", Long.class), row.getString("scope"), row.getString("claim_id"),
            row.getString("member_id"), row.getString("location"), row.getString("reason")), fileId);
  }

  @Override
  protected FileStatus status(FeedFiles.Run run) {
    Optional<StepExecution> stage = files.lastStep(run.latest(), ClaimFileJob.STAGE);
    Optional<StepExecution> derive = files.lastStep(run.latest(), ClaimFileJob.DERIVE);
    MemberShares.Writers writers = job.shares().of(files, run.latest());
    long lines = FeedFiles.count(stage, ClaimStagingWriter.LINES);
    return new FileStatus(run, FeedFiles.count(stage, ClaimFileJob.READ),
        FeedFiles.count(stage, ClaimStagingWriter.STAGED), lines, FeedFiles.count(stage, ClaimStagingWriter.REJECTED),
        lines * 1000 / Math.max(1, FeedFiles.millis(stage)), FeedFiles.millis(stage),
        writers.sum(EvidenceWriter.MEMBERS), writers.sum(EvidenceWriter.MEMBERS_CHANGED),
        writers.sum(EvidenceWriter.WRITTEN), writers.sum(EvidenceWriter.RETRACTED),
        writers.sum(EvidenceWriter.REFUSED), FeedFiles.millis(derive),
        writers.sum(EvidenceWriter.DERIVING), writers.sum(EvidenceWriter.RECORDING));
  }
}
