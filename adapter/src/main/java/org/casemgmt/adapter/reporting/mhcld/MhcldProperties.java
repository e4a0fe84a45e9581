package org.casemgmt.adapter.reporting.mhcld;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The state's MH-CLD submissions as configured ({@code config/mhcld.yml}): who and when, the record layouts and the
 * crosswalk of codes.
 *
 * @param state the reporting state's code
 * @param periodStartMonth the first month of the 12-month reporting period (7: July to June)
 * @param outboxUri the Camel endpoint submissions are written to
 * @param recipient the security client scheduled submissions are made for; blank: none scheduled
 * @param schedule cron per file ("-": never)
 * @param fileName the file name pattern
 * @param notCollected what a field without a value carries
 */
@ConfigurationProperties("adapter.mhcld")
public record MhcldProperties(
    String state,
    @DefaultValue("7") int periodStartMonth,
    String outboxUri,
    @DefaultValue("") String recipient,
    @DefaultValue Map<String, String> schedule,
    String fileName,
    @DefaultValue("-9") String notCollected,
    @DefaultValue Map<String, Layout> files,
    @DefaultValue Map<String, Map<String, String>> crosswalks) {

  public MhcldProperties {
    if (periodStartMonth < 1 || periodStartMonth > 12) {
      throw new IllegalArgumentException("adapter.mhcld.period-start-month is a month, 1 to 12: " + periodStartMonth);
    }
    for (MhcldFile file : MhcldFile.values()) {
      Layout layout = files.get(file.key());
      if (layout == null) {
        throw new IllegalArgumentException("adapter.mhcld.files has no layout for " + file.key());
      }
      layout.fields().forEach(field -> field.check(crosswalks));
      layout.header().forEach(field -> field.check(crosswalks));
    }
  }

  Layout layout(MhcldFile file) {
    return files.get(file.key());
  }

  /**
   * A file's records.
   *
   * @param key the fields that identify a record from one submission to the next
   */
  public record Layout(@DefaultValue List<Field> header, List<Field> fields, List<String> key) {}

  /** One field of a record: see {@code config/mhcld.yml}. */
  public record Field(String name, String ref, int width, boolean required, String crosswalk, String format,
      String pattern, String value) {

    void check(Map<String, Map<String, String>> crosswalks) {
      if (name == null || width < 1) {
        throw new IllegalArgumentException("adapter.mhcld: a field has a name and a width: " + this);
      }
      if (crosswalk != null && !crosswalks.containsKey(crosswalk)) {
        throw new IllegalArgumentException("adapter.mhcld: field " + name + " names crosswalk " + crosswalk
            + ", which adapter.mhcld.crosswalks does not define");
      }
    }

    /** "C-01 client-id", or the name alone. */
    String label() {
      return ref == null ? name : ref + " " + name;
    }
  }
}
