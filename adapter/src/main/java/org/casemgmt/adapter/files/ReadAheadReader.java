package org.casemgmt.adapter.files;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.casemgmt.routes.files.FileItems;
import org.casemgmt.routes.files.UnreadableFile;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Streams a feed file's items into its job. Parsing runs one step ahead on a thread of its own, so that it overlaps
 * the database's work on the previous chunk (on two cores, the difference between one busy core and two); the queue
 * between them is bounded, so memory stays flat whatever the file's size. Restartable: the position handed to the
 * job is saved with every committed chunk, and a resumed job skips that many items, so no item is lost or loaded
 * twice.
 */
public class ReadAheadReader<T> implements ItemStreamReader<FileItem<T>> {
  private static final int READ_AHEAD = 2_000;
  /** Stands for the end of the file in the queue. */
  private static final Object END = new Object();

  /** Opens the file with the feed's parser (the envelope check, a CSV header, happens here). */
  public interface Opener<T> {
    FileItems<T> open() throws UnreadableFile, IOException;
  }

  private final Opener<T> opener;
  private final String positionKey;
  private final String threadName;
  private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(READ_AHEAD);
  private Thread parser;
  private long position;
  /** The end of the file, or what stopped the parser, once reached. */
  private Object last;

  /**
   * @param positionKey the step counter the position is saved under (items read, committed)
   * @param threadName  the parser thread's name, for thread dumps
   */
  public ReadAheadReader(Opener<T> opener, String positionKey, String threadName) {
    this.opener = opener;
    this.positionKey = positionKey;
    this.threadName = threadName;
  }

  @Override
  public void open(ExecutionContext context) {
    FileItems<T> reader;
    try {
      reader = opener.open();
      long committed = context.getLong(positionKey, 0);
      while (position < committed && reader.next() != null) {
        position++;
      }
    } catch (UnreadableFile | IOException e) {
      throw new ItemStreamException(e.getMessage(), e);
    }
    parser = new Thread(() -> parse(reader), threadName);
    parser.setDaemon(true);
    parser.start();
  }

  /** The parser thread: hands each item over in file order, then the end or what stopped it. */
  private void parse(FileItems<T> reader) {
    try (reader) {
      for (T item = reader.next(); item != null; item = reader.next()) {
        ahead.put(item);
      }
      ahead.put(END);
    } catch (InterruptedException closed) {
      Thread.currentThread().interrupt();
    } catch (Exception failure) {
      // After the items read before it, which stand: the job loads them, then fails here.
      try {
        ahead.put(failure);
      } catch (InterruptedException closed) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public FileItem<T> read() throws Exception {
    Object next = last != null ? last : ahead.take();
    if (next == END) {
      last = END; // reads after the end stay at the end
      return null;
    }
    if (next instanceof Exception failure) {
      last = failure;
      throw failure;
    }
    return new FileItem<>(++position, (T) next);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(positionKey, position);
  }

  @Override
  public void close() {
    if (parser != null) {
      parser.interrupt();
    }
  }
}
