package org.casemgmt.routes.x12;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.casemgmt.routes.files.FileItems;
import org.casemgmt.routes.files.UnreadableFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items (claims, members, or their rejections) of an X12 file, in file order, as a feed's transaction-set readers
 * hand them out ({@link #add}): the file is read segment by segment only as far as the next item needs.
 */
public abstract class X12ItemReader<T> implements FileItems<T>, X12Transactions.Feed {
  private static final Logger LOG = LoggerFactory.getLogger(X12ItemReader.class);

  private final X12Transactions transactions;
  private final Deque<T> ready = new ArrayDeque<>();
  private long items;

  /** Checks the file's envelopes (see {@link X12Transactions#open}). */
  protected X12ItemReader(Path file) throws UnreadableFile, IOException {
    this.transactions = X12Transactions.open(file, this);
  }

  /** An item read, to be handed out after those added before it. */
  protected void add(T item) {
    ready.add(item);
  }

  @Override
  public T next() throws UnreadableFile {
    while (ready.isEmpty()) {
      if (!transactions.advance()) {
        return null;
      }
    }
    items++;
    return ready.poll();
  }

  @Override
  public void close() throws IOException {
    LOG.debug("{}: {} items read", transactions.fileName(), items);
    transactions.close();
  }
}
