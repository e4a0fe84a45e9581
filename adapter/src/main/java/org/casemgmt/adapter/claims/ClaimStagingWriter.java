package org.casemgmt.adapter.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.files.FileItem;
import org.casemgmt.adapter.jobs.StepCounters;
import org.casemgmt.routes.claims.ClaimFormat;
import org.casemgmt.routes.claims.ClaimOrigin;
import org.casemgmt.routes.claims.ClaimRejection;
import org.casemgmt.routes.claims.ParsedClaim;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages one chunk of a file's items in the chunk's transaction: claims with their lines and diagnoses (a claim sent
 * before is replaced whole), the members the claims describe, and the rejections with their reasons. The counts of
 * lines and rejections go into the step's context, committed with the chunk.
 */
class ClaimStagingWriter implements ItemWriter<FileItem<ParsedClaim>>, StepExecutionListener {
  static final String STAGED = "claims.staged";
  static final String LINES = "claims.lines";
  static final String REJECTED = "claims.rejected";

  private final JdbcTemplate jdbc;
  private final StagingMethod staging;
  private final long fileId;
  private StepExecution step;

  ClaimStagingWriter(JdbcTemplate jdbc, StagingMethod staging, long fileId) {
    this.jdbc = jdbc;
    this.staging = staging;
    this.fileId = fileId;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    this.step = stepExecution;
  }

  @Override
  public void write(Chunk<? extends FileItem<ParsedClaim>> chunk) {
    // A claim id twice in one chunk: the later copy is the one that stands, as it would be across files.
    Map<String, FileItem<ParsedClaim>> claims = new LinkedHashMap<>();
    List<FileItem<ParsedClaim>> rejections = new ArrayList<>();
    for (FileItem<ParsedClaim> item : chunk) {
      if (item.parsed().isAccepted()) {
        claims.remove(item.parsed().claim().claimId());
        claims.put(item.parsed().claim().claimId(), item);
      } else {
        rejections.add(item);
      }
    }
    ClaimRows rows = new ClaimRows();
    claims.values().forEach(item -> rows.add(item.parsed().claim(), fileId, (fileId << 32) + item.position(),
        item.parsed().origin().firstLine()));
    removeEarlierCopies(rows.claimIds());
    staging.insert(StagingTable.CLAIM, rows.claims);
    staging.insert(StagingTable.LINE, rows.lines);
    staging.insert(StagingTable.DIAGNOSIS, rows.diagnoses);
    stageMembers(rows);
    recordRejections(rejections);
    StepCounters.add(step, STAGED, claims.size());
    StepCounters.add(step, LINES, rows.lineCount());
    StepCounters.add(step, REJECTED, rejections.size());
  }

  private void removeEarlierCopies(List<String> claimIds) {
    if (claimIds.isEmpty()) {
      return;
    }
    List<String> stored = jdbc.queryForList("SELECT claim_id FROM cm_claim WHERE claim_id IN " + in(claimIds),
        String.class, claimIds.toArray());
    if (stored.isEmpty()) {
      return; // the usual case: claims not seen before
    }
    for (String table : List.of("cm_claim_line", "cm_claim_diagnosis", "cm_claim")) {
      jdbc.update("DELETE FROM " + table + " WHERE claim_id IN " + in(stored), stored.toArray());
    }
  }

  /** The latest description of a member wins; a member known by id only is added once. */
  private void stageMembers(ClaimRows rows) {
    List<String> described = rows.describedMembers();
    if (!described.isEmpty()) {
      jdbc.update("DELETE FROM cm_claim_member WHERE member_id IN " + in(described), described.toArray());
      Map<String, Object[]> latest = new LinkedHashMap<>();
      rows.members.forEach(member -> latest.put((String) member[0], member));
      staging.insert(StagingTable.MEMBER, new ArrayList<>(latest.values()));
    }
    List<Object[]> idOnly = rows.idOnlyMembers.stream().distinct().filter(id -> !described.contains(id))
        .map(id -> new Object[] {id, id}).toList();
    if (!idOnly.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO cm_claim_member (member_id) SELECT ? WHERE NOT EXISTS"
          + " (SELECT 1 FROM cm_claim_member WHERE member_id = ?)", idOnly);
    }
  }

  private void recordRejections(List<FileItem<ParsedClaim>> rejections) {
    if (rejections.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("INSERT INTO cm_claim_rejection (file_id, position, scope, claim_id, member_id, location,"
        + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)", rejections.stream().map(item -> {
          ClaimRejection rejection = item.parsed().rejection();
          return new Object[] {fileId, item.position(), rejection.scope().name(), rejection.claimId(),
              rejection.memberId(), truncate(location(item.parsed().origin(), rejection), 200), truncate(rejection.reason(), 2000)};
        }).toList());
  }


  /** Where in the file: the line (and column or element), with the X12 envelope the claim was in. */
  private static String location(ClaimOrigin origin, ClaimRejection rejection) {
    return origin.format() == ClaimFormat.CSV ? rejection.location() : "ISA " + origin.interchangeControlNumber()
        + " GS " + origin.groupControlNumber() + " ST " + origin.transactionSetControlNumber() + " "
        + rejection.location();
  }

  static String in(List<?> values) {
    return "(" + String.join(", ", values.stream().map(value -> "?").toList()) + ")";
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
