package org.casemgmt.routes.claims;

/**
 * A value that cannot be taken, found while reading one claim: which element or column, and a sentence saying what
 * is wrong (it may quote the value). The readers turn it into a {@link ClaimRejection} with the location they know.
 * Internal control flow, so no stack trace.
 */
final class ClaimProblem extends RuntimeException {
  private final String element;
  private final String reason;

  ClaimProblem(String element, String reason) {
    super(null, null, false, false);
    this.element = element;
    this.reason = reason;
  }

  /** The element reference ({@code DTP03}) or CSV column; null for a missing segment or loop. */
  String element() {
    return element;
  }

  String reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return element;
  }
}
