package org.casemgmt.adapter.reporting.mhcld;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What a submission left out and why, written beside its file: one CSV line per client or record left out and per
 * value that could not be sent as recorded, then counts of fields sent as not collected and of Part 2 records
 * withheld. Clients appear by their MH-CLD client id only.
 */
final class SubmissionReport {
  private final List<String> lines = new ArrayList<>();
  private final Map<String, Integer> notCollected = new TreeMap<>();
  /** Counted as the clients are read, by several threads at once. */
  private final Map<String, Integer> withheld = new ConcurrentSkipListMap<>();
  private int excluded;

  /** A record left out of the file. */
  void excluded(String client, String field, String reason) {
    excluded++;
    line(client, field, "excluded", reason);
  }

  /** A value sent as not collected because it could not be sent as recorded. */
  void invalid(String client, String field, String reason) {
    line(client, field, "sent-as-not-collected", reason);
  }

  /** A client the period's population does not include, though the record might suggest it. */
  void leftOut(String client, String reason) {
    line(client, "", "not-reported", reason);
  }

  void notCollected(String field) {
    notCollected.merge(field, 1, Integer::sum);
  }

  /** Records the recipient may not see (a type it may not export, Part 2 without consent): not used. */
  void withheld(String type) {
    withheld.merge(type, 1, Integer::sum);
  }

  int excludedCount() {
    return excluded;
  }

  int withheldCount() {
    return withheld.values().stream().mapToInt(Integer::intValue).sum();
  }

  String text() {
    StringBuilder text = new StringBuilder("client_id,field,outcome,reason\n");
    lines.forEach(line -> text.append(line).append('\n'));
    notCollected.forEach((field, count) -> text.append(",").append(csv(field)).append(",not-collected,")
        .append(count).append(" records sent without a recorded value\n"));
    withheld.forEach((type, count) -> text.append(",").append(type).append(",withheld,").append(count)
        .append(" records not released to the recipient were not used (a type it may not export, or 42 CFR Part 2"
        + " records without the client's consent to it)\n"));
    return text.toString();
  }

  private void line(String client, String field, String outcome, String reason) {
    lines.add(String.join(",", csv(client), csv(field), outcome, csv(reason)));
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
