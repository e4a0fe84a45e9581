package org.casemgmt.routes.files;

/**
 * A file dropped into a feed's inbox that cannot be read as a whole: not X12 or not CSV, an ISA header that is cut
 * short, a file truncated before its last IEA, bytes that break the syntax, a CSV header without a required column.
 * Nothing in it is taken; it goes to the error folder whole with {@link #reason()} in its report.
 *
 * <p>The reason names a position and what was expected, never file content, so it may be logged.
 */
public final class UnreadableFile extends Exception {
  private final String fileName;
  private final int line;
  private final String reason;

  public UnreadableFile(String fileName, int line, String reason) {
    this(fileName, line, reason, null);
  }

  public UnreadableFile(String fileName, int line, String reason, Throwable cause) {
    super(fileName + (line > 0 ? " line " + line : "") + ": " + reason, cause);
    this.fileName = fileName;
    this.line = line;
    this.reason = reason;
  }

  public String fileName() {
    return fileName;
  }

  /** The line the problem was found on, 1-based; 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
