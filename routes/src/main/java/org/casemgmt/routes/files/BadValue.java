package org.casemgmt.routes.files;

/**
 * A value that cannot be taken, found while reading one item of a file (a claim, a member): which element or column,
 * and a sentence saying what is wrong (it may quote the value). The readers turn it into a rejection with the location
 * they know. Internal control flow, so no stack trace.
 */
public final class BadValue extends RuntimeException {
  private final String element;
  private final String reason;

  public BadValue(String element, String reason) {
    super(null, null, false, false);
    this.element = element;
    this.reason = reason;
  }

  /** The element reference ({@code DTP03}) or CSV column; null for a missing segment or loop. */
  public String element() {
    return element;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return element;
  }
}
