package org.casemgmt.routes.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casemgmt.routes.files.UnreadableFile;

/**
 * Reads Medicaid claims from the claim-line CSV extract described in the README: UTF-8 (a byte-order mark is
 * skipped), RFC 4180 quoting, a header naming the columns in any order, one row per claim line, the rows of a claim
 * one after the other.
 *
 * <p>What comes out, in file order: each claim, or a rejection naming the line and column of the first bad value in
 * any of its rows; the following claims are read on. A file without a header, or whose header lacks a required
 * column, throws {@link UnreadableFile} from {@link #open}. Stateless and thread-safe.
 */
public final class CsvClaimParser {

  /**
   * Reads the header and opens the file for reading claims.
   *
   * @throws UnreadableFile when there is no header or a required column is missing
   */
  public ClaimReader open(Path file) throws UnreadableFile, IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return open(in, file.getFileName().toString());
    } catch (UnreadableFile | IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The same, from a stream (closed with the reader). */
  public ClaimReader open(InputStream in, String fileName) throws UnreadableFile, IOException {
    // Bytes that are not UTF-8 are an error, not replacement characters in a member id.
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    return new CsvClaimReader(reader, fileName);
  }
}
