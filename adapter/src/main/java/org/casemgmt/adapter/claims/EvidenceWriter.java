package org.casemgmt.adapter.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.jobs.StepCounters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The second step of a claim file's job: re-derives the evidence of every member the file's claims concern, a chunk of
 * members at a time, and records members whose evidence the client record refused beside the file's rejected claims.
 */
class EvidenceWriter implements ItemWriter<String>, StepExecutionListener {
  /** Members whose evidence was derived (Spring Batch's own read count also counts the read that found the end). */
  static final String MEMBERS = "evidence.members";
  static final String MEMBERS_CHANGED = "evidence.members-changed";
  static final String WRITTEN = "evidence.written";
  static final String RETRACTED = "evidence.retracted";
  static final String REFUSED = "evidence.refused";
  /** Milliseconds spent deriving (claims in force, rules, comparison) and recording on the client record. */
  static final String DERIVING = "evidence.deriving-ms";
  static final String RECORDING = "evidence.recording-ms";

  private final ClaimsEvidenceRecorder recorder;
  private final JdbcTemplate jdbc;
  private final long fileId;
  private final String fileName;
  private StepExecution step;

  EvidenceWriter(ClaimsEvidenceRecorder recorder, JdbcTemplate jdbc, long fileId, String fileName) {
    this.recorder = recorder;
    this.jdbc = jdbc;
    this.fileId = fileId;
    this.fileName = fileName;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    this.step = stepExecution;
  }

  @Override
  public void write(Chunk<? extends String> members) {
    Map<String, String> refusals = new LinkedHashMap<>();
    ClaimsEvidenceRecorder.Tally tally = recorder.record(new ArrayList<>(members.getItems()), fileName, refusals);
    List<Object[]> rows = refusals.entrySet().stream().map(refusal -> new Object[] {fileId, refusal.getKey(),
        "client record of member " + refusal.getKey(), truncate(refusal.getValue()), fileId, refusal.getKey()})
        .toList();
    // A resumed job may meet the same refusal again; it is recorded once.
    jdbc.batchUpdate("INSERT INTO cm_claim_rejection (file_id, scope, member_id, location, reason)"
        + " SELECT ?, 'MEMBER', ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cm_claim_rejection"
        + " WHERE file_id = ? AND scope = 'MEMBER' AND member_id = ?)", rows);
    StepCounters.add(step, MEMBERS, members.size());
    StepCounters.add(step, MEMBERS_CHANGED, tally.membersChanged());
    StepCounters.add(step, WRITTEN, tally.written());
    StepCounters.add(step, RETRACTED, tally.retracted());
    StepCounters.add(step, REFUSED, refusals.size());
    StepCounters.add(step, DERIVING, tally.deriveNanos() / 1_000_000);
    StepCounters.add(step, RECORDING, tally.recordNanos() / 1_000_000);
  }


  private static String truncate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
  }
}
