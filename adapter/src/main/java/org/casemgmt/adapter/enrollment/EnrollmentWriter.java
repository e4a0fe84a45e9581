package org.casemgmt.adapter.enrollment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casemgmt.adapter.files.FileItem;
import org.casemgmt.adapter.jobs.StepCounters;
import org.casemgmt.routes.enrollment.MemberOrigin;
import org.casemgmt.routes.enrollment.MemberRejection;
import org.casemgmt.routes.enrollment.ParsedMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records one chunk of an enrollment file in the chunk's transaction: the members on the client record, the members
 * the file could not give and those the record refused in the rejection table with their reasons, and the counts in
 * the step's context, committed with the chunk. Logs progress (counts only) every so many members. One per writer.
 */
class EnrollmentWriter implements ItemWriter<FileItem<ParsedMember>>, StepExecutionListener {
  private static final Logger log = LoggerFactory.getLogger(EnrollmentWriter.class);
  /** Records taken from the file and applied (a member may have several in one file). */
  static final String RECORDED = "enrollment.recorded";
  static final String REJECTED = "enrollment.rejected";
  static final String REFUSED = "enrollment.refused";
  static final String CLIENTS_CREATED = "enrollment.clients-created";
  static final String CLIENTS_UPDATED = "enrollment.clients-updated";
  static final String COVERAGES_WRITTEN = "enrollment.coverages-written";
  /** Members whose records changed nothing on the client record. */
  static final String UNCHANGED = "enrollment.unchanged";
  /** Milliseconds spent recording on the client record (reading it, the FHIR transaction). */
  static final String RECORDING = "enrollment.recording-ms";

  private final EnrollmentRecorder recorder;
  private final JdbcTemplate jdbc;
  private final long fileId;
  private final String fileName;
  private final int progressEvery;
  private StepExecution step;
  private long nextReport;

  EnrollmentWriter(EnrollmentRecorder recorder, JdbcTemplate jdbc, long fileId, String fileName, int progressEvery) {
    this.recorder = recorder;
    this.jdbc = jdbc;
    this.fileId = fileId;
    this.fileName = fileName;
    this.progressEvery = progressEvery;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    this.step = stepExecution;
    this.nextReport = StepCounters.get(step, EnrollmentFileJob.READ) + progressEvery;
  }

  @Override
  public void write(Chunk<? extends FileItem<ParsedMember>> chunk) {
    List<FileItem<ParsedMember>> accepted = new ArrayList<>();
    List<Object[]> rejections = new ArrayList<>();
    for (FileItem<ParsedMember> item : chunk) {
      if (item.parsed().isAccepted()) {
        accepted.add(item);
      } else {
        MemberRejection rejection = item.parsed().rejection();
        rejections.add(row(item, rejection.scope().name(), rejection.memberId(),
            envelope(item.parsed().origin()) + " " + rejection.location(), rejection.reason()));
      }
    }
    Map<String, String> refusals = new LinkedHashMap<>();
    long start = System.nanoTime();
    EnrollmentRecorder.Tally tally = accepted.isEmpty() ? EnrollmentRecorder.Tally.NONE
        : recorder.record(accepted, fileName, refusals);
    long recording = System.nanoTime() - start;
    // A refused member is listed once, at their first record in the chunk; their records are not recorded.
    List<FileItem<ParsedMember>> refused = accepted.stream().filter(item -> refusals.containsKey(memberId(item)))
        .toList();
    Set<String> listed = new HashSet<>();
    for (FileItem<ParsedMember> item : refused) {
      if (listed.add(memberId(item))) {
        rejections.add(row(item, "REFUSED", memberId(item), envelope(item.parsed().origin()) + " "
            + lines(item.parsed().origin()), refusals.get(memberId(item))));
      }
    }
    // A resumed job may meet a rejection again; it is recorded once.
    jdbc.batchUpdate("INSERT INTO cm_enrollment_rejection (file_id, position, scope, member_id, location, reason)"
        + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cm_enrollment_rejection WHERE file_id = ?"
        + " AND position = ?)", rejections);
    StepCounters.add(step, RECORDED, accepted.size() - refused.size());
    StepCounters.add(step, REJECTED, rejections.size() - listed.size());
    StepCounters.add(step, REFUSED, listed.size());
    StepCounters.add(step, CLIENTS_CREATED, tally.clientsCreated());
    StepCounters.add(step, CLIENTS_UPDATED, tally.clientsUpdated());
    StepCounters.add(step, COVERAGES_WRITTEN, tally.coveragesWritten());
    StepCounters.add(step, UNCHANGED, tally.unchanged());
    StepCounters.add(step, RECORDING, recording / 1_000_000);
    progress(chunk.getItems().get(chunk.size() - 1).position());
  }

  private void progress(long read) {
    if (read < nextReport) {
      return;
    }
    nextReport = read + progressEvery;
    log.info("Enrollment file {}, {}: {} members read, {} recorded, {} rejected, {} refused", fileName,
        step.getStepName(), read, StepCounters.get(step, RECORDED), StepCounters.get(step, REJECTED), StepCounters.get(step, REFUSED));
  }

  private Object[] row(FileItem<ParsedMember> item, String scope, String memberId, String location, String reason) {
    return new Object[] {fileId, item.position(), scope, memberId, truncate(location, 200), truncate(reason, 2000),
        fileId, item.position()};
  }

  private static String memberId(FileItem<ParsedMember> item) {
    return item.parsed().maintenance().memberId();
  }

  private static String envelope(MemberOrigin origin) {
    return origin.envelope().toString();
  }

  private static String lines(MemberOrigin origin) {
    return origin.firstLine() == origin.lastLine() ? "line " + origin.firstLine()
        : "lines " + origin.firstLine() + "-" + origin.lastLine();
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
