package org.casemgmt.routes;

/**
 * Where input that could not be processed is kept whole, with the reason, so that an operator can list it and replay
 * it once the cause is fixed. The adapter stores it; feeds only hand it over. A replay sends the payload to the
 * feed's {@code direct:<feed>-intake} endpoint, as if it had just arrived.
 */
public interface DeadLetters {

  /**
   * Keeps a payload that failed, in a transaction of its own so that it survives the failed one.
   *
   * @param feed the feed it arrived on, e.g. {@code adt}; also names the endpoint a replay goes to
   * @param source where it came from (remote address, file name), for the operator
   * @param payload the input exactly as received
   * @param reason why it failed, precise enough to act on
   * @return the dead letter's id
   */
  long keep(String feed, String source, String payload, String reason);

  /**
   * Keeps a payload within the caller's transaction, which must be active: it commits, or rolls back, with the work
   * it belongs to. A feed recording a batch in one transaction keeps what it refused this way, exactly once however
   * often the batch is retried, and never without the rest of the batch.
   *
   * @return the dead letter's id
   */
  long keepWithBatch(String feed, String source, String payload, String reason);
}
