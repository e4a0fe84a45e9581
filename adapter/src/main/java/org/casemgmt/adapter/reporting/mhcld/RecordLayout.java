package org.casemgmt.adapter.reporting.mhcld;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One file's records as the state's layout has them: facts turned into codes by the crosswalk, checked field by
 * field, padded to their widths. A record lacking a required field is left out; a field whose value is missing,
 * unknown to the crosswalk or invalid is sent as not collected. The report names each such record and field.
 */
final class RecordLayout {
  static final String TRANSACTION = "transaction-type";
  static final DateTimeFormatter MMDDYYYY = DateTimeFormatter.ofPattern("MMddyyyy");

  private final List<MhcldProperties.Field> fields;
  private final List<String> key;
  private final Map<String, Map<String, String>> crosswalks;
  private final String notCollected;

  RecordLayout(List<MhcldProperties.Field> fields, List<String> key, MhcldProperties properties) {
    this.fields = fields;
    this.key = key;
    this.crosswalks = properties.crosswalks();
    this.notCollected = properties.notCollected();
  }

  /**
   * A record as written, its transaction type left blank.
   *
   * @param key what identifies it between submissions
   */
  record Line(String key, String text) {}

  /** The record's line, or none when a required field has no valid value; what is found goes to the report. */
  Line render(String client, Map<String, List<String>> facts, SubmissionReport report) {
    StringBuilder text = new StringBuilder();
    List<String> keyValues = new ArrayList<>();
    boolean excluded = false;
    List<String> notRecorded = new ArrayList<>();
    for (MhcldProperties.Field field : fields) {
      String value = TRANSACTION.equals(field.name()) ? "" : value(client, field,
          facts.getOrDefault(field.name(), List.of()), report);
      if (value == null && field.required()) {
        excluded = true;
        report.excluded(client, field.label(), "required, not recorded or not valid");
        value = "";
      } else if (value == null) {
        notRecorded.add(field.label());
        value = notCollected;
      }
      if (key.contains(field.name())) {
        keyValues.add(value);
      }
      text.append(pad(value, field.width()));
    }
    if (excluded) {
      return null;
    }
    notRecorded.forEach(report::notCollected);
    return new Line(String.join("|", keyValues), text.toString());
  }

  /** The line with its transaction type (A, C or D) in place. */
  String withTransaction(String line, String type) {
    int offset = 0;
    for (MhcldProperties.Field field : fields) {
      if (TRANSACTION.equals(field.name())) {
        return line.substring(0, offset) + pad(type, field.width()) + line.substring(offset + field.width());
      }
      offset += field.width();
    }
    return line;
  }

  /** The field's code, or null when there is none to send (a finding says why, when it is not simply absent). */
  private String value(String client, MhcldProperties.Field field, List<String> candidates,
      SubmissionReport report) {
    if (field.value() != null) {
      return field.value();
    }
    if (candidates.isEmpty()) {
      return null;
    }
    String value = candidates.get(0);
    if (field.crosswalk() != null) {
      Map<String, String> crosswalk = crosswalks.get(field.crosswalk());
      value = candidates.stream().filter(crosswalk::containsKey).map(crosswalk::get).findFirst().orElse(null);
      if (value == null) {
        report.invalid(client, field.label(), "code " + String.join(", ", candidates) + " is not in crosswalk "
            + field.crosswalk());
        return null;
      }
    }
    if ("MMDDYYYY".equals(field.format())) {
      try {
        value = LocalDate.parse(value).format(MMDDYYYY);
      } catch (DateTimeParseException e) {
        report.invalid(client, field.label(), "not a date");
        return null;
      }
    }
    if (value.length() > field.width()
        || field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
      report.invalid(client, field.label(), "value does not fit the field (" + field.width() + " characters"
          + (field.pattern() == null ? "" : ", " + field.pattern()) + ")");
      return null;
    }
    return value;
  }

  private static String pad(String value, int width) {
    return value.length() >= width ? value.substring(0, width) : value + " ".repeat(width - value.length());
  }
}
