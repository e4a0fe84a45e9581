package org.casemgmt.adapter.claims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.casemgmt.routes.claims.ClaimReader;
import org.casemgmt.routes.claims.CsvClaimParser;
import org.casemgmt.routes.claims.ParsedClaim;
import org.casemgmt.routes.claims.UnreadableClaimFile;
import org.casemgmt.routes.claims.X12ClaimParser;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Streams a claim file's items into the job. Parsing runs one step ahead on a thread of its own, so that it overlaps
 * the database's work on the previous chunk (on two cores, the difference between one busy core and two); the queue
 * between them is bounded, so memory stays flat whatever the file's size. Restartable: the position handed to the
 * job is saved with every committed chunk, and a resumed job skips that many items, so no claim is lost or staged
 * twice.
 */
class ClaimFileReader implements ItemStreamReader<FileItem> {
  static final String POSITION = "claims.position";
  private static final int READ_AHEAD = 2_000;
  /** Stands for the end of the file in the queue. */
  private static final Object END = new Object();

  private final Path file;
  private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(READ_AHEAD);
  private Thread parser;
  private long position;
  /** The end of the file, or what stopped the parser, once reached. */
  private Object last;

  ClaimFileReader(Path file) {
    this.file = file;
  }

  @Override
  public void open(ExecutionContext context) {
    ClaimReader reader;
    try {
      reader = isX12(file) ? new X12ClaimParser().open(file) : new CsvClaimParser().open(file);
      long committed = context.getLong(POSITION, 0);
      while (position < committed && reader.next() != null) {
        position++;
      }
    } catch (UnreadableClaimFile | IOException e) {
      throw new ItemStreamException(e.getMessage(), e);
    }
    parser = new Thread(() -> parse(reader), "claims-parser-" + file.getFileName());
    parser.setDaemon(true);
    parser.start();
  }

  /** The parser thread: hands each item over in file order, then the end or what stopped it. */
  private void parse(ClaimReader reader) {
    try (reader) {
      for (ParsedClaim item = reader.next(); item != null; item = reader.next()) {
        ahead.put(item);
      }
      ahead.put(END);
    } catch (InterruptedException closed) {
      Thread.currentThread().interrupt();
    } catch (Exception failure) {
      // After the items read before it, which stand: the job stages them, then fails here.
      try {
        ahead.put(failure);
      } catch (InterruptedException closed) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public FileItem read() throws Exception {
    Object next = last != null ? last : ahead.take();
    if (next == END) {
      last = END; // reads after the end stay at the end
      return null;
    }
    if (next instanceof Exception failure) {
      last = failure;
      throw failure;
    }
    return new FileItem(++position, (ParsedClaim) next);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(POSITION, position);
  }

  @Override
  public void close() {
    if (parser != null) {
      parser.interrupt();
    }
  }

  /** X12 interchanges start with ISA (after a byte-order mark or white space, which some senders add). */
  static boolean isX12(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1)
          .replace("\u00EF\u00BB\u00BF", "").stripLeading();
      return head.startsWith("ISA");
    }
  }
}
