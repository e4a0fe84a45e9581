package org.casemgmt.routes.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.files.UnreadableFile;

/**
 * An X12 file as a sequence of whole segments, one at a time, over StAEDI's event reader: StAEDI finds the
 * separators in ISA, splits segments, elements and components, and checks the envelope against its X12 control
 * schema (trailer counts and control numbers); this class counts interchanges, groups and transaction sets in file
 * order and hands StAEDI's validation errors to a listener with the unit they belong to.
 *
 * <p>With {@code envelopeOnly} the element values of segments inside transaction sets are not materialised: the
 * envelope check reads the file without building its items.
 */
final class X12SegmentStream implements Closeable {

  /** A validation error StAEDI reported, with the unit it falls in (ordinals count from 1 in file order). */
  record ValidationError(EDIStreamValidationError type, String referenceCode, String segmentId, int elementPosition,
                         String text, int line, int segmentPosition, int interchange, int group, int transaction) {
  }

  interface ErrorListener {
    void error(ValidationError error);
  }

  private final String fileName;
  private final EDIStreamReader reader;
  private final boolean envelopeOnly;
  private final ErrorListener errors;

  private int interchange;
  private int group;
  private int transaction;
  private boolean inTransaction;
  private int position;
  private char componentSeparator = ':';

  private String tag;
  private int line;
  private boolean materialise;
  private List<List<String>> elements;
  private List<String> composite;

  X12SegmentStream(Path file, boolean envelopeOnly, ErrorListener errors) throws IOException {
    this.fileName = file.getFileName().toString();
    this.envelopeOnly = envelopeOnly;
    this.errors = errors;
    InputStream in = withoutByteOrderMark(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    this.reader = EDIInputFactory.newFactory().createEDIStreamReader(in);
  }

  /** The next whole segment, null at the end of the file. */
  X12Segment next() throws UnreadableFile {
    try {
      while (reader.hasNext()) {
        EDIStreamEvent event = reader.next();
        switch (event) {
          case START_INTERCHANGE -> requireX12();
          case START_SEGMENT -> begin(reader.getText());
          case START_COMPOSITE -> composite = materialise ? new ArrayList<>(4) : null;
          case END_COMPOSITE -> composite = null;
          case ELEMENT_DATA -> element();
          case END_SEGMENT -> {
            X12Segment segment = finish();
            if (segment != null) {
              return segment;
            }
          }
          case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> report();
          default -> {
            // interchange, group, transaction and loop boundaries are read from the segments themselves
          }
        }
      }
      return null;
    } catch (EDIStreamException e) {
      throw unreadable(e);
    }
  }

  int interchange() {
    return interchange;
  }

  int group() {
    return group;
  }

  int transaction() {
    return transaction;
  }

  String fileName() {
    return fileName;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private void requireX12() throws UnreadableFile {
    if (!EDIStreamConstants.Standards.X12.equals(reader.getStandard())) {
      throw new UnreadableFile(fileName, 1, reader.getStandard() + " interchange, not X12 (ISA)");
    }
  }

  private void begin(String segmentTag) {
    tag = segmentTag;
    line = reader.getLocation().getLineNumber();
    switch (tag) {
      case "ISA" -> interchange++;
      case "GS" -> group++;
      case "ST" -> {
        transaction++;
        inTransaction = true;
        position = 0;
      }
      default -> {
        // counted below
      }
    }
    position = inTransaction ? position + 1 : 0;
    materialise = !envelopeOnly || isEnvelope(tag);
    elements = materialise ? new ArrayList<>(12) : null;
  }

  private void element() {
    if (!materialise) {
      return;
    }
    Location location = reader.getLocation();
    if (location.getElementOccurrence() > 1) {
      return; // no element the feeds use repeats; keep the first occurrence
    }
    int n = location.getElementPosition();
    if (composite != null && location.getComponentPosition() > 0) {
      if (location.getComponentPosition() == 1) {
        pad(n - 1);
        elements.add(composite);
      }
      composite.add(reader.getText());
    } else {
      pad(n - 1);
      elements.add(List.of(reader.getText()));
    }
  }

  private void pad(int size) {
    while (elements.size() < size) {
      elements.add(List.of(""));
    }
  }

  private X12Segment finish() {
    int segmentPosition = inTransaction ? position : 0;
    if ("SE".equals(tag)) {
      inTransaction = false;
    }
    if ("ISA".equals(tag)) {
      componentSeparator = reader.getDelimiters()
          .getOrDefault(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, ':');
    }
    if (!materialise) {
      return null;
    }
    return new X12Segment(tag, elements, segmentPosition, line, componentSeparator);
  }

  private static boolean isEnvelope(String tag) {
    return switch (tag) {
      case "ISA", "GS", "ST", "SE", "GE", "IEA" -> true;
      default -> false;
    };
  }

  private void report() {
    Location location = reader.getLocation();
    String text = reader.hasText() ? reader.getText() : "";
    String segmentId = location.getSegmentTag();
    errors.error(new ValidationError(reader.getErrorType(), reader.getReferenceCode(), segmentId,
        location.getElementPosition(), text, location.getLineNumber(), inTransaction ? position : 0, interchange,
        group, transaction));
  }

  private UnreadableFile unreadable(EDIStreamException e) {
    Location location = e.getLocation() != null ? e.getLocation() : reader.getLocation();
    int at = location == null ? 0 : Math.max(location.getLineNumber(), 0);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // StAEDI quotes the offending input after "input:"; a report must not carry file content.
    int input = message.indexOf("; input:");
    if (input >= 0) {
      message = message.substring(0, input);
    }
    return new UnreadableFile(fileName, at, "not readable as X12: " + message, e);
  }

  /** StAEDI takes the first byte for the start of ISA; a UTF-8 byte-order mark is skipped. */
  private static InputStream withoutByteOrderMark(BufferedInputStream in) throws IOException {
    in.mark(3);
    byte[] head = in.readNBytes(3);
    if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
      in.reset();
    }
    return in;
  }
}
