package org.casemgmt.adapter.claims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casemgmt.routes.claims.ClaimReader;
import org.casemgmt.routes.claims.CsvClaimParser;
import org.casemgmt.routes.claims.ParsedClaim;
import org.casemgmt.routes.claims.UnreadableClaimFile;
import org.casemgmt.routes.claims.X12ClaimParser;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Streams a claim file's items into the job, one claim in memory at a time. Restartable: the position reached is saved
 * with every committed chunk, and a resumed job skips that many items, so no claim is lost or staged twice.
 */
class ClaimFileReader implements ItemStreamReader<FileItem> {
  static final String POSITION = "claims.position";

  private final Path file;
  private ClaimReader reader;
  private long position;

  ClaimFileReader(Path file) {
    this.file = file;
  }

  @Override
  public void open(ExecutionContext context) {
    try {
      reader = isX12(file) ? new X12ClaimParser().open(file) : new CsvClaimParser().open(file);
      long committed = context.getLong(POSITION, 0);
      while (position < committed && reader.next() != null) {
        position++;
      }
    } catch (UnreadableClaimFile | IOException e) {
      throw new ItemStreamException(e.getMessage(), e);
    }
  }

  @Override
  public FileItem read() throws UnreadableClaimFile, IOException {
    ParsedClaim parsed = reader.next();
    return parsed == null ? null : new FileItem(++position, parsed);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(POSITION, position);
  }

  @Override
  public void close() {
    try {
      if (reader != null) {
        reader.close();
      }
    } catch (IOException e) {
      throw new ItemStreamException("cannot close " + file.getFileName(), e);
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
