package org.casemgmt.routes.x12;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.casemgmt.routes.files.UnreadableFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an X12 file for one feed, in two passes. The first ({@link EnvelopeCheck}) reads only the envelopes and
 * collects what StAEDI's control schema finds wrong with them; a file that is not X12 at all, or breaks the syntax
 * anywhere, is refused there, before any item is handed out. The second follows interchanges, groups and transaction
 * sets: a transaction set whose envelope is at fault, or that the feed does not take, is refused whole; the segments
 * of the others go to the feed's reader of one transaction set, one segment at a time, so a file of any size streams
 * through.
 *
 * <p>Logs file names and counts, never content. Not thread-safe; close it when done.
 */
public final class X12Transactions implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(X12Transactions.class);

  /** What a feed reads from an X12 file. */
  public interface Feed {
    /**
     * Why the feed does not take the transaction set this ST opens (another transaction set or version), or null.
     *
     * @param version ST03, or GS08 when ST03 is not sent
     */
    X12Fault refusal(X12Segment st, String version);

    /** A reader for the segments between ST and SE of a transaction set the feed takes. */
    TransactionSet open(X12Envelope envelope);

    /** A transaction set refused whole: every item in it is refused with this fault, found at the ST. */
    void refused(X12Envelope envelope, X12Segment st, X12Fault fault);
  }

  /** The feed's reader of one transaction set. */
  public interface TransactionSet {
    void segment(X12Segment segment);

    /** SE: the last item ends. */
    void end();
  }

  private final EnvelopeCheck envelopes;
  private final X12SegmentStream segments;
  private final Feed feed;

  private String interchangeNumber;
  private String groupNumber;
  private String groupVersion = "";
  private TransactionSet transaction;
  private boolean skipping;

  private X12Transactions(Path file, EnvelopeCheck envelopes, Feed feed) throws IOException {
    this.envelopes = envelopes;
    this.feed = feed;
    this.segments = new X12SegmentStream(file, false, error -> {
      // reported by the envelope check already
    });
  }

  /**
   * Checks the file's envelopes and opens it for the second pass.
   *
   * @throws UnreadableFile when the file is not X12 or cannot be read through to its end
   */
  public static X12Transactions open(Path file, Feed feed) throws UnreadableFile, IOException {
    EnvelopeCheck envelopes;
    try {
      envelopes = EnvelopeCheck.of(file);
    } catch (UnreadableFile e) {
      LOG.info("{} is not a readable X12 file: {}", file.getFileName(), e.reason());
      throw e;
    }
    LOG.debug("{}: {} transaction sets", file.getFileName(), envelopes.transactionCount());
    return new X12Transactions(file, envelopes, feed);
  }

  /**
   * Reads one more segment and hands it on; false at the end of the file.
   *
   * @throws UnreadableFile when the file turns out not to be readable past this point (it changed since the first
   *                        pass); what was handed on stands
   */
  public boolean advance() throws UnreadableFile {
    X12Segment segment = segments.next();
    if (segment == null) {
      return false;
    }
    read(segment);
    return true;
  }

  public String fileName() {
    return segments.fileName();
  }

  @Override
  public void close() throws IOException {
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
    String version = st.element(3).isBlank() ? groupVersion : st.element(3).trim();
    X12Envelope envelope = new X12Envelope(segments.fileName(), interchangeNumber, groupNumber,
        st.element(2).trim(), version);
    // Outer envelopes first; then what the transaction set is, which says more than how StAEDI's 5010 control
    // schema finds a 4010 ST; then its own trailer.
    X12Fault fault = envelopes.enclosingFault(segments.interchange(), segments.group());
    if (fault == null) {
      fault = feed.refusal(st, version);
    }
    if (fault == null) {
      fault = envelopes.transactionFault(segments.transaction());
    }
    if (fault != null) {
      skipping = true;
      transaction = null;
      feed.refused(envelope, st, fault);
      LOG.debug("{}: transaction set {} refused at {}", segments.fileName(), envelope.transactionSetControlNumber(),
          fault.segmentId());
      return;
    }
    skipping = false;
    transaction = feed.open(envelope);
  }
}
