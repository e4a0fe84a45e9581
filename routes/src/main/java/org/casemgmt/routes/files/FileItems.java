package org.casemgmt.routes.files;

import java.io.IOException;

/**
 * Reads one feed file item by item (a claim, a member, or a rejection of one), holding only the item being read: a
 * file of any size streams through. {@link #next()} has the contract of Spring Batch's ItemReader#read, so a reader
 * wraps without adaptation. Not thread-safe; close it when done.
 */
public interface FileItems<T> extends AutoCloseable {

  /**
   * The next item, in file order; null after the last.
   *
   * @throws UnreadableFile when the file turns out not to be readable past this point (it changed while being read,
   *                        or a CSV quote never closes); items already returned stand
   * @throws IOException    when the file cannot be read from disk
   */
  T next() throws UnreadableFile, IOException;

  @Override
  void close() throws IOException;
}
