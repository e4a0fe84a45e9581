package org.casemgmt.adapter.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.jobs.StepCounters;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
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
  private static final String FILES = "SELECT id, file_name, sha256, received_at FROM cm_claim_file";
  private final JdbcTemplate jdbc;
  private final JobExplorer jobExplorer;
  private final ClaimFileJob job;
  private final Path inbox;

  ClaimFilesController(JdbcTemplate jdbc, JobExplorer jobExplorer, ClaimFileJob job, ClaimsProperties properties) {
    this.jdbc = jdbc;
    this.jobExplorer = jobExplorer;
    this.job = job;
    this.inbox = Path.of(properties.inbox());
  }

  /** A file and the latest run of its job. Counts add up over a resumed job's runs. */
  record FileStatus(long id, String name, String sha256, LocalDateTime receivedAt, String status, String exit,
      LocalDateTime started, LocalDateTime ended, long runs, long itemsRead, long claimsStaged, long linesStaged,
      long claimsRejected, long linesPerSecond, long stageMillis, long members, long membersChanged,
      long evidenceWritten, long evidenceRetracted, long membersRefused, long deriveMillis, long derivingMillis,
      long recordingMillis) {
  }

  record Rejection(Long item, String scope, String claimId, String memberId, String location, String reason) {
  }

  @GetMapping
  List<FileStatus> files() {
    return jdbc.query(FILES + " ORDER BY id DESC", this::status);
  }

  /** One file; its job's state is looked up for it alone, not for every file received. */
  @GetMapping("/{id}")
  FileStatus file(@PathVariable long id) {
    return jdbc.query(FILES + " WHERE id = ?", this::status, id).stream().findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no claim file " + id));
  }

  @GetMapping("/{id}/rejections")
  List<Rejection> rejections(@PathVariable long id) {
    file(id);
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
    FileStatus file = file(id);
    Path failed = inbox.resolve("error").resolve(file.name());
    if (!Files.isRegularFile(failed)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "claim file " + id + " is not in the error folder");
    }
    Files.deleteIfExists(failed.resolveSibling(file.name() + ".report"));
    Files.move(failed, inbox.resolve(file.name()));
    return ResponseEntity.accepted().body(file);
  }

  private FileStatus status(ResultSet row, int number) throws SQLException {
    long id = row.getLong("id");
    String name = row.getString("file_name");
    String sha256 = row.getString("sha256");
    LocalDateTime receivedAt = row.getTimestamp("received_at").toLocalDateTime();
    List<Long> runs = jdbc.queryForList("SELECT p.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS p"
        + " WHERE p.PARAMETER_NAME = 'fileId' AND p.PARAMETER_VALUE = ? ORDER BY p.JOB_EXECUTION_ID DESC",
        Long.class, String.valueOf(id));
    Optional<JobExecution> latest = runs.stream().findFirst().map(jobExplorer::getJobExecution);
    Optional<StepExecution> stage = latest.flatMap(run -> job.lastStep(run, ClaimFileJob.STAGE));
    Optional<StepExecution> derive = latest.flatMap(run -> job.lastStep(run, ClaimFileJob.DERIVE));
    long lines = count(stage, ClaimStagingWriter.LINES);
    return new FileStatus(id, name, sha256, receivedAt,
        latest.map(run -> run.getStatus().name()).orElse("RECEIVED"),
        latest.map(run -> run.getExitStatus().getExitDescription()).filter(text -> !text.isBlank()).orElse(null),
        latest.map(JobExecution::getStartTime).orElse(null), latest.map(JobExecution::getEndTime).orElse(null),
        runs.size(), count(stage, ClaimFileReader.POSITION), count(stage, ClaimStagingWriter.STAGED), lines,
        count(stage, ClaimStagingWriter.REJECTED), lines * 1000 / Math.max(1, millis(stage)), millis(stage),
        count(derive, EvidenceWriter.MEMBERS), count(derive, EvidenceWriter.MEMBERS_CHANGED),
        count(derive, EvidenceWriter.WRITTEN), count(derive, EvidenceWriter.RETRACTED),
        count(derive, EvidenceWriter.REFUSED), millis(derive), count(derive, EvidenceWriter.DERIVING),
        count(derive, EvidenceWriter.RECORDING));
  }

  private static long count(Optional<StepExecution> step, String counter) {
    return step.map(execution -> StepCounters.get(execution, counter)).orElse(0L);
  }

  /** How long the step's latest run took, or has taken so far (a resumed step: its last run only). */
  private static long millis(Optional<StepExecution> step) {
    return step.filter(execution -> execution.getStartTime() != null).map(execution -> Duration.between(
        execution.getStartTime(), execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime())
        .toMillis()).orElse(0L);
  }
}
