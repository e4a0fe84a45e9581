package org.casemgmt.routes.claims;

import java.io.IOException;

/**
 * Reads one claim file item by item, holding only the claim being read: a file of any size streams through.
 * {@link #next()} has the contract of Spring Batch's ItemReader#read, so a reader wraps without adaptation.
 * Not thread-safe; close it when done.
 */
public interface ClaimReader extends AutoCloseable {

  /**
   * The next claim or rejection, in file order; null after the last.
   *
   * @throws UnreadableClaimFile when the file turns out not to be readable past this point (it changed while being
   *                             read, or a CSV quote never closes); items already returned stand
   * @throws IOException         when the file cannot be read from disk
   */
  ParsedClaim next() throws UnreadableClaimFile, IOException;

  @Override
  void close() throws IOException;
}
