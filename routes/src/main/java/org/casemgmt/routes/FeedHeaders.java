package org.casemgmt.routes;

/** Exchange headers every feed's intake endpoint understands or sets. */
public final class FeedHeaders {
  /** Where the input came from (remote address, file name, "replay of dead letter 12"). */
  public static final String SOURCE = "CasemgmtSource";
  /** Set by an intake endpoint when it kept the input as a dead letter: the dead letter's id. */
  public static final String DEAD_LETTER_ID = "CasemgmtDeadLetterId";

  private FeedHeaders() {
  }

  /** The endpoint that processes one input of a feed; dead letters are replayed through it. */
  public static String intakeEndpoint(String feed) {
    return "direct:" + feed + "-intake";
  }
}
