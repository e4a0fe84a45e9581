package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of one pipe-encoded (ER7) HL7 v2 message, normalised and checked for the few things every later step
 * relies on: it starts with MSH, its separators are usable, every segment starts with a segment id, and it holds no
 * binary data. Feeds differ in what surrounds the segments, so a leading byte-order mark, MLLP framing bytes left
 * in place, and segments ended by LF or CRLF instead of CR are all accepted; blank segments are dropped.
 */
final class Er7Text {
  private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");

  private final List<String> segments;
  private final char fieldSeparator;
  private final String encodingCharacters;

  private Er7Text(List<String> segments, char fieldSeparator, String encodingCharacters) {
    this.segments = segments;
    this.fieldSeparator = fieldSeparator;
    this.encodingCharacters = encodingCharacters;
  }

  static Er7Text of(String raw) throws AdtRejection {
    List<String> segments = segments(raw);
    if (segments.isEmpty()) {
      throw AdtRejection.reject(Hl7Error.SEGMENT_SEQUENCE, "MSH", 0, "The message is empty");
    }
    String msh = segments.get(0);
    if (!msh.startsWith("MSH")) {
      throw AdtRejection.reject(Hl7Error.SEGMENT_SEQUENCE, "MSH", 0,
          "Not an HL7 v2 message: it does not start with an MSH segment");
    }
    if (msh.length() < 8) {
      throw AdtRejection.reject(Hl7Error.SEGMENT_SEQUENCE, "MSH", 0,
          "The MSH segment is truncated before its encoding characters");
    }
    char fieldSeparator = msh.charAt(3);
    if (!isSeparator(fieldSeparator)) {
      throw AdtRejection.reject(Hl7Error.DATA_TYPE, "MSH", 1,
          "MSH-1 field separator '" + fieldSeparator + "' is a letter, digit, space or control character");
    }
    int end = msh.indexOf(fieldSeparator, 4);
    String encodingCharacters = msh.substring(4, end < 0 ? msh.length() : end);
    if (!usableEncodingCharacters(encodingCharacters, fieldSeparator)) {
      throw AdtRejection.reject(Hl7Error.DATA_TYPE, "MSH", 2, "MSH-2 encoding characters '" + encodingCharacters
          + "' are not four distinct separators (component, repetition, escape, subcomponent) other than MSH-1 '"
          + fieldSeparator + "'");
    }
    Er7Text text = new Er7Text(List.copyOf(segments), fieldSeparator, encodingCharacters);
    text.checkSegments();
    return text;
  }

  /** The segments of the raw text, or an empty list when it cannot be read at all; never throws. */
  static List<String> segments(String raw) {
    if (raw == null) {
      return List.of();
    }
    String text = raw.strip();
    while (!text.isEmpty() && (text.charAt(0) == '\uFEFF' || text.charAt(0) == '\u000B')) {
      text = text.substring(1).strip();
    }
    while (!text.isEmpty() && text.charAt(text.length() - 1) == '\u001C') {
      text = text.substring(0, text.length() - 1).strip();
    }
    List<String> segments = new ArrayList<>();
    for (String segment : text.replace("\r\n", "\r").replace('\n', '\r').split("\r")) {
      if (!segment.isBlank()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  static boolean usableEncodingCharacters(String encodingCharacters, char fieldSeparator) {
    if (encodingCharacters.length() < 4 || encodingCharacters.length() > 5) {
      return false;
    }
    return encodingCharacters.chars().allMatch(c -> isSeparator((char) c) && c != fieldSeparator)
        && encodingCharacters.chars().distinct().count() == encodingCharacters.length();
  }

  private static boolean isSeparator(char c) {
    return c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c);
  }

  private void checkSegments() throws AdtRejection {
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      String id = segment.length() >= 3 ? segment.substring(0, 3) : segment;
      if (!SEGMENT_ID.matcher(id).matches() || (segment.length() > 3 && segment.charAt(3) != fieldSeparator)) {
        throw AdtRejection.reject(Hl7Error.SEGMENT_SEQUENCE, SEGMENT_ID.matcher(id).matches() ? id : "", 0,
            "Segment " + (i + 1) + " does not start with a segment id and field separator: the message is cut or"
                + " not HL7");
      }
      for (int at = 0; at < segment.length(); at++) {
        char c = segment.charAt(at);
        if (c < ' ' && c != '\t') {
          throw AdtRejection.reject(Hl7Error.DATA_TYPE, id, fieldAt(segment, at),
              String.format("%s holds binary data (control character 0x%02X): not a text message", id, (int) c));
        }
      }
    }
  }

  private int fieldAt(String segment, int position) {
    int field = segment.startsWith("MSH") ? 1 : 0;
    for (int i = 3; i < position; i++) {
      if (segment.charAt(i) == fieldSeparator) {
        field++;
      }
    }
    return field;
  }

  List<String> segments() {
    return segments;
  }

  /** The segments joined by CR, as HL7 prescribes and HAPI expects. */
  String text() {
    return String.join("\r", segments) + "\r";
  }

  /** The first segment with this id, or null. */
  String segment(String id) {
    return segments.stream().filter(s -> s.startsWith(id) && (s.length() == 3 || s.charAt(3) == fieldSeparator))
        .findFirst().orElse(null);
  }

  char fieldSeparator() {
    return fieldSeparator;
  }

  String encodingCharacters() {
    return encodingCharacters;
  }
}
