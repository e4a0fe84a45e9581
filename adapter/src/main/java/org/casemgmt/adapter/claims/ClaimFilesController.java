package org.casemgmt.adapter.claims;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.files.FeedFiles;
import org.springframework.batch.core.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator's view of the claims feed: every file received, its job's state and counts while it runs and after,
 * the claims it could not load with the reason, and the replay of a file that went to the error folder. Rejection
 * reasons may quote claim content, so only the per-file rejection list returns them.
 */
@RestController
@RequestMapping("/admin/claims/files")
class ClaimFilesController {
  private final JdbcTemplate jdbc;
  private final FeedFiles files;

  ClaimFilesController(JdbcTemplate jdbc, @Qualifier("claimFiles") FeedFiles files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  /** A file and the latest run of its job. Counts add up over a resumed job's runs. */
  record FileStatus(@JsonUnwrapped FeedFiles.Run file, long itemsRead, long claimsStaged, long linesStaged,
      long claimsRejected, long linesPerSecond, long stageMillis, long members, long membersChanged,
      long evidenceWritten, long evidenceRetracted, long membersRefused, long deriveMillis, long derivingMillis,
      long recordingMillis) {
  }

  record Rejection(Long item, String scope, String claimId, String memberId, String location, String reason) {
  }

  @GetMapping
  List<FileStatus> files() {
    return files.all().stream().map(this::status).toList();
  }

  /** One file; its job's state is looked up for it alone, not for every file received. */
  @GetMapping("/{id}")
  FileStatus file(@PathVariable long id) {
    return status(received(id));
  }

  @GetMapping("/{id}/rejections")
  List<Rejection> rejections(@PathVariable long id) {
    received(id);
    return jdbc.query("SELECT position, scope, claim_id, member_id, location, reason FROM cm_claim_rejection"
        + " WHERE file_id = ? ORDER BY position, id", (row, number) -> new Rejection(
            (Long) row.getObject("position", Long.class), row.getString("scope"), row.getString("claim_id"),
            row.getString("member_id"), row.getString("location"), row.getString("reason")), id);
  }

  /**
   * Puts a file from the error folder back into the inbox, once its cause is fixed (the database is back, say): its
   * job resumes after what was committed. A file with bad content is better corrected and dropped as a new file.
   */
  @PostMapping("/{id}/replay")
  ResponseEntity<FileStatus> replay(@PathVariable long id) throws IOException {
    FeedFiles.Received file = received(id);
    FileStatus status = status(file);
    if (!files.replay(file)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "claim file " + id + " is not in the error folder");
    }
    return ResponseEntity.accepted().body(status);
  }

  private FeedFiles.Received received(long id) {
    return files.one(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no claim file " + id));
  }

  private FileStatus status(FeedFiles.Received received) {
    FeedFiles.Run run = files.run(received);
    Optional<StepExecution> stage = files.lastStep(run.latest(), ClaimFileJob.STAGE);
    Optional<StepExecution> derive = files.lastStep(run.latest(), ClaimFileJob.DERIVE);
    long lines = FeedFiles.count(stage, ClaimStagingWriter.LINES);
    return new FileStatus(run, FeedFiles.count(stage, ClaimFileJob.READ),
        FeedFiles.count(stage, ClaimStagingWriter.STAGED), lines, FeedFiles.count(stage, ClaimStagingWriter.REJECTED),
        lines * 1000 / Math.max(1, FeedFiles.millis(stage)), FeedFiles.millis(stage),
        FeedFiles.count(derive, EvidenceWriter.MEMBERS), FeedFiles.count(derive, EvidenceWriter.MEMBERS_CHANGED),
        FeedFiles.count(derive, EvidenceWriter.WRITTEN), FeedFiles.count(derive, EvidenceWriter.RETRACTED),
        FeedFiles.count(derive, EvidenceWriter.REFUSED), FeedFiles.millis(derive),
        FeedFiles.count(derive, EvidenceWriter.DERIVING), FeedFiles.count(derive, EvidenceWriter.RECORDING));
  }
}
