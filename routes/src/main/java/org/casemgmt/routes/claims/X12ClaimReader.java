package org.casemgmt.routes.claims;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second pass over an X12 file: follows the envelopes, refuses each transaction set that {@link EnvelopeCheck}
 * found fault with or that is not an 837I/837P of version 5010, and reads the claims of the others through
 * {@link Transaction837}.
 */
final class X12ClaimReader implements ClaimReader {
  private static final Logger LOG = LoggerFactory.getLogger(X12ClaimReader.class);

  private final EnvelopeCheck envelopes;
  private final X12SegmentStream segments;
  private final Deque<ParsedClaim> ready = new ArrayDeque<>();

  private String interchangeNumber;
  private String groupNumber;
  private String groupVersion = "";
  private String transactionNumber;
  private ClaimFormat format;
  private Transaction837 transaction;
  private boolean skipping;
  private int accepted;
  private int rejected;

  X12ClaimReader(Path file, EnvelopeCheck envelopes) throws IOException {
    this.envelopes = envelopes;
    this.segments = new X12SegmentStream(file, false, error -> {
      // reported by the envelope check already
    });
  }

  @Override
  public ParsedClaim next() throws UnreadableClaimFile {
    while (ready.isEmpty()) {
      X12Segment segment = segments.next();
      if (segment == null) {
        return null;
      }
      read(segment);
    }
    ParsedClaim item = ready.poll();
    if (item.isAccepted()) {
      accepted++;
    } else {
      rejected++;
    }
    return item;
  }

  @Override
  public void close() throws IOException {
    LOG.debug("{}: {} claims read, {} rejections", segments.fileName(), accepted, rejected);
    segments.close();
  }

  private void read(X12Segment segment) {
    switch (segment.tag()) {
      case "ISA" -> interchangeNumber = segment.element(13).trim();
      case "GS" -> {
        groupNumber = segment.element(6).trim();
        groupVersion = segment.element(8).trim();
      }
      case "ST" -> start(segment);
      case "SE" -> {
        if (transaction != null) {
          transaction.end();
        }
        transaction = null;
        skipping = false;
      }
      case "GE", "IEA" -> {
        // a transaction set without SE was refused by the envelope check
        transaction = null;
        skipping = false;
      }
      default -> {
        if (transaction != null && !skipping) {
          transaction.segment(segment);
        }
      }
    }
  }

  private void start(X12Segment st) {
    transactionNumber = st.element(2).trim();
    String version = st.element(3).isBlank() ? groupVersion : st.element(3).trim();
    format = version.startsWith("005010X223") ? ClaimFormat.X12_837I
        : version.startsWith("005010X222") ? ClaimFormat.X12_837P : null;
    // Outer envelopes first; then what the transaction set is, which says more than how StAEDI's 5010 control
    // schema finds a 4010 ST; then its own trailer.
    X12Fault fault = envelopes.enclosingFault(segments.interchange(), segments.group());
    if (fault == null && !st.element(1).trim().equals("837")) {
      fault = X12Fault.of(st, new ClaimProblem("ST01", "ST01 transaction set '" + st.element(1)
          + "' is not a claim (837)"));
    }
    if (fault == null && format == null) {
      fault = X12Fault.of(st, new ClaimProblem(st.element(3).isBlank() ? "GS08" : "ST03", "version '" + version
          + "' is not an 837 this reader takes (005010X223 institutional, 005010X222 professional)"));
    }
    if (fault == null) {
      fault = envelopes.transactionFault(segments.transaction());
    }
    if (fault != null) {
      skipping = true;
      transaction = null;
      ready.add(ParsedClaim.rejected(origin(st.line(), st.line()),
          fault.rejection(ClaimRejection.Scope.TRANSACTION_SET, null)));
      LOG.debug("{}: transaction set {} refused at {}", segments.fileName(), transactionNumber, fault.segmentId());
      return;
    }
    ClaimType type = format == ClaimFormat.X12_837I ? ClaimType.INSTITUTIONAL : ClaimType.PROFESSIONAL;
    transaction = new Transaction837(type, this::origin, ready::add);
  }

  private ClaimOrigin origin(int firstLine, int lastLine) {
    return new ClaimOrigin(segments.fileName(), format == null ? ClaimFormat.X12_837I : format, interchangeNumber,
        groupNumber, transactionNumber, firstLine, lastLine);
  }
}
