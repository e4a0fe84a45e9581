package org.casemgmt.routes.claims;

import static org.casemgmt.routes.claims.CsvColumns.*;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.casemgmt.routes.files.UnreadableFile;

/**
 * Groups the consecutive rows of each claim and hands the claim, or its rejection, out when the next claim's first
 * row is read: one claim's rows in memory at a time.
 */
final class CsvClaimReader implements ClaimReader {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true)
      .setAllowMissingColumnNames(true)
      .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
      .build();

  /** A row and the line it ends on (the line it is on, unless a quoted value spans lines). */
  record Row(CSVRecord record, int line) {
  }

  private final String fileName;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final int columns;
  private Row pending;

  CsvClaimReader(Reader in, String fileName) throws UnreadableFile, IOException {
    this.fileName = fileName;
    BufferedReader reader = new BufferedReader(in, 1 << 16);
    try {
      skipByteOrderMark(reader);
      parser = FORMAT.parse(reader);
    } catch (CharacterCodingException e) {
      // The decoder reads ahead: a claims extract written in Latin-1 fails here too, so this says no more than that.
      reader.close();
      throw notUtf8(0, e);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      reader.close();
      throw new UnreadableFile(fileName, 1, "the header cannot be read: " + safe(e), e);
    }
    Map<String, Integer> header = parser.getHeaderMap();
    if (header == null || header.isEmpty()) {
      parser.close();
      throw unrecognized("it has no header line");
    }
    if (header.keySet().stream().map(String::trim).noneMatch(REQUIRED::contains)) {
      // Not a claims extract missing a column, but something else altogether (a report, a PDF, another feed's file).
      parser.close();
      throw unrecognized("its first line names none of the extract's columns");
    }
    for (String column : REQUIRED) {
      if (!header.containsKey(column)) {
        parser.close();
        throw new UnreadableFile(fileName, 1, "the header has no column '" + column + "'; required: "
            + String.join(", ", REQUIRED));
      }
    }
    columns = header.size();
    records = parser.iterator();
  }

  @Override
  public ParsedClaim next() throws UnreadableFile, IOException {
    Row first = pending != null ? pending : read();
    pending = null;
    if (first == null) {
      return null;
    }
    List<Row> rows = new ArrayList<>(4);
    rows.add(first);
    String claimId = value(first, CLAIM_ID);
    Row row;
    while (!claimId.isEmpty() && (row = read()) != null) {
      if (!value(row, CLAIM_ID).equals(claimId)) {
        pending = row;
        break;
      }
      rows.add(row);
    }
    ClaimOrigin origin = new ClaimOrigin(fileName, ClaimFormat.CSV, null, null, null, first.line(),
        rows.get(rows.size() - 1).line());
    return new CsvClaim(rows, columns).parse(origin);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private Row read() throws UnreadableFile, IOException {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      return new Row(record, (int) parser.getCurrentLineNumber());
    } catch (UncheckedIOException e) {
      int line = (int) parser.getCurrentLineNumber() + 1;
      if (e.getCause() instanceof CharacterCodingException) {
        throw notUtf8(line, e);
      }
      // an unterminated quote, or text between a closing quote and the delimiter
      throw new UnreadableFile(fileName, line, "the CSV syntax breaks: " + safe(e.getCause()), e);
    }
  }

  /** A file that is neither X12 nor the claims CSV extract: saying which column it lacks would mislead. */
  private UnreadableFile unrecognized(String why) {
    return new UnreadableFile(fileName, 1, "unrecognized format: neither X12 (an interchange starting with ISA) nor"
        + " the claims CSV extract (a header line naming " + String.join(", ", REQUIRED) + "): " + why);
  }

  /** The decoder reads ahead of the parser, so the line is where parsing stood, not necessarily the bad byte's. */
  private UnreadableFile notUtf8(int line, Exception e) {
    return new UnreadableFile(fileName, line, "not UTF-8 text", e);
  }

  static String value(Row row, String column) {
    CSVRecord record = row.record();
    return record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
  }

  private static String safe(Throwable e) {
    String message = e == null || e.getMessage() == null ? "" : e.getMessage();
    // commons-csv quotes the token it stopped at; a report must not carry file content
    int token = message.indexOf(" token:");
    return token >= 0 ? message.substring(0, token) : message;
  }

  private static void skipByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }
}
