package org.casemgmt.routes.adt;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The MSH fields an acknowledgement echoes, read from the raw message as sent (still escaped in its own encoding
 * characters, so they can be copied into an ACK that uses the same ones). Never fails: whatever cannot be read is
 * absent, and the ACK falls back to defaults, since a sender must get an answer even for garbage.
 */
final class OriginalHeader {
  static final String DEFAULT_ENCODING = "^~\\&";
  static final String DEFAULT_VERSION = "2.5.1";

  private final char fieldSeparator;
  private final String encodingCharacters;
  private final List<String> fields;

  private OriginalHeader(char fieldSeparator, String encodingCharacters, List<String> fields) {
    this.fieldSeparator = fieldSeparator;
    this.encodingCharacters = encodingCharacters;
    this.fields = fields;
  }

  static OriginalHeader of(String raw) {
    List<String> segments = Er7Text.segments(raw);
    String msh = segments.isEmpty() ? "" : segments.get(0);
    if (msh.startsWith("MSH") && msh.length() >= 8) {
      char fieldSeparator = msh.charAt(3);
      List<String> fields = Arrays.asList(msh.split(Pattern.quote(String.valueOf(fieldSeparator)), -1));
      if (fields.size() > 1 && Er7Text.usableEncodingCharacters(fields.get(1), fieldSeparator)
          && msh.chars().noneMatch(c -> c < ' ' && c != '\t')) {
        return new OriginalHeader(fieldSeparator, fields.get(1), fields);
      }
    }
    return new OriginalHeader('|', DEFAULT_ENCODING, List.of());
  }

  char fieldSeparator() {
    return fieldSeparator;
  }

  /** MSH-2 as sent, or the default when the sender's could not be read. */
  String encodingCharacters() {
    return encodingCharacters;
  }

  /** MSH-n as sent (escaped), empty when absent; MSH-1 and MSH-2 are not fields here. */
  String field(int position) {
    int index = position - 1;
    return index >= 1 && index < fields.size() ? fields.get(index) : "";
  }

  /** The first component of MSH-n, with the sender's escapes left in place. */
  String firstComponent(int position) {
    String field = field(position);
    int end = field.indexOf(encodingCharacters.charAt(0));
    return end < 0 ? field : field.substring(0, end);
  }

  /** The second component of MSH-n (the trigger event of MSH-9). */
  String secondComponent(int position) {
    String[] components = field(position).split(Pattern.quote(encodingCharacters.substring(0, 1)), -1);
    return components.length > 1 ? components[1] : "";
  }
}
