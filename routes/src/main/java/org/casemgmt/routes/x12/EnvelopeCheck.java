package org.casemgmt.routes.x12;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.casemgmt.routes.files.UnreadableFile;

/**
 * The first of the two passes over an X12 file: reads only the envelopes and collects what StAEDI's control schema
 * finds wrong with them (trailer counts, control numbers that do not match, missing trailers, invalid header values).
 *
 * <p>Why a pass of its own: StAEDI reports a GE or IEA mismatch when the trailer is read, after every item (claim,
 * member) of the group or interchange. Knowing the verdicts first lets the second pass refuse those items instead
 * of handing them out and taking them back, and keeps memory flat: no interchange is buffered, only its verdict. A
 * file that StAEDI cannot tokenise at all fails here, before any item is read.
 */
final class EnvelopeCheck {
  private final Map<Integer, X12Fault> interchanges = new HashMap<>();
  private final Map<Integer, X12Fault> groups = new HashMap<>();
  private final Map<Integer, X12Fault> transactions = new HashMap<>();
  private final Map<Integer, String> interchangeNumbers = new HashMap<>();

  private String interchangeNumber = "";
  private String groupNumber = "";
  private String transactionNumber = "";
  private int groupsInInterchange;
  private int transactionsInGroup;
  private int transactionCount;

  private EnvelopeCheck() {
  }

  /** Reads the whole file once; throws when it is not X12 or cannot be tokenised to its end. */
  static EnvelopeCheck of(Path file) throws UnreadableFile, IOException {
    EnvelopeCheck check = new EnvelopeCheck();
    try (X12SegmentStream stream = new X12SegmentStream(file, true, check::error)) {
      X12Segment segment;
      boolean any = false;
      while ((segment = stream.next()) != null) {
        any = true;
        check.count(segment);
      }
      if (!any) {
        throw new UnreadableFile(stream.fileName(), 0, "no X12 interchange (ISA) in the file");
      }
    }
    return check;
  }

  /**
   * Why the transaction sets of the interchange and group at these ordinals (1-based, file order) must be refused, or
   * null: the fault of the interchange, else of the group.
   */
  X12Fault enclosingFault(int interchange, int group) {
    X12Fault fault = interchanges.get(interchange);
    if (fault != null) {
      return prefixed(fault, "interchange " + interchangeNumbers.getOrDefault(interchange, "") + " is refused: ");
    }
    fault = groups.get(group);
    if (fault != null) {
      return prefixed(fault, "functional group is refused: ");
    }
    return null;
  }

  /** Why the transaction set at this ordinal must be refused (its ST/SE), or null. */
  X12Fault transactionFault(int transaction) {
    return transactions.get(transaction);
  }

  int transactionCount() {
    return transactionCount;
  }

  private static X12Fault prefixed(X12Fault fault, String prefix) {
    return new X12Fault(fault.segmentId(), fault.segmentPosition(), fault.element(), fault.line(),
        prefix + fault.reason());
  }

  private void count(X12Segment segment) {
    switch (segment.tag()) {
      case "ISA" -> {
        interchangeNumber = segment.element(13).trim();
        groupsInInterchange = 0;
      }
      case "GS" -> {
        groupNumber = segment.element(6).trim();
        groupsInInterchange++;
        transactionsInGroup = 0;
      }
      case "ST" -> {
        transactionNumber = segment.element(2).trim();
        transactionsInGroup++;
        transactionCount++;
      }
      default -> {
        // item content is the second pass's
      }
    }
  }

  private void error(X12SegmentStream.ValidationError error) {
    interchangeNumbers.putIfAbsent(error.interchange(), interchangeNumber);
    String unit = unitOf(error);
    X12Fault fault = new X12Fault(error.segmentId(), error.segmentPosition(), element(error), error.line(),
        reason(error));
    switch (unit) {
      case "interchange" -> interchanges.putIfAbsent(error.interchange(), fault);
      case "group" -> groups.putIfAbsent(error.group(), fault);
      default -> transactions.putIfAbsent(error.transaction(), fault);
    }
  }

  private static String unitOf(X12SegmentStream.ValidationError error) {
    String segment = error.type() == io.xlate.edi.stream.EDIStreamValidationError.MANDATORY_SEGMENT_MISSING
        && error.referenceCode() != null ? error.referenceCode() : String.valueOf(error.segmentId());
    return switch (segment) {
      case "ISA", "IEA" -> "interchange";
      case "GS", "GE" -> "group";
      default -> error.transaction() > 0 && error.segmentPosition() >= 0 ? "transaction" : "interchange";
    };
  }

  private static String element(X12SegmentStream.ValidationError error) {
    if (error.elementPosition() <= 0 || error.segmentId() == null) {
      return null;
    }
    return error.segmentId() + (error.elementPosition() < 10 ? "0" : "") + error.elementPosition();
  }

  private String reason(X12SegmentStream.ValidationError error) {
    String element = element(error);
    String value = error.text();
    return switch (error.type()) {
      case CONTROL_REFERENCE_MISMATCH -> element + " control number '" + value + "' does not match "
          + header(error.segmentId()) + " '" + controlNumber(error.segmentId()) + "'";
      case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> element + " count " + value + " does not match the "
          + actualCount(error) + " " + counted(error.segmentId()) + " it closes";
      case MANDATORY_SEGMENT_MISSING -> error.referenceCode() + " segment is missing"
          + (error.segmentId() == null ? "" : " before " + error.segmentId());
      default -> (element == null ? String.valueOf(error.segmentId()) : element)
          + (value.isEmpty() ? "" : " '" + value + "'") + ": "
          + error.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static String header(String trailer) {
    return switch (trailer) {
      case "SE" -> "ST02";
      case "GE" -> "GS06";
      default -> "ISA13";
    };
  }

  private String controlNumber(String trailer) {
    return switch (trailer) {
      case "SE" -> transactionNumber;
      case "GE" -> groupNumber;
      default -> interchangeNumber;
    };
  }

  private int actualCount(X12SegmentStream.ValidationError error) {
    return switch (error.segmentId()) {
      case "SE" -> error.segmentPosition();
      case "GE" -> transactionsInGroup;
      default -> groupsInInterchange;
    };
  }

  private static String counted(String trailer) {
    return switch (trailer) {
      case "SE" -> "segments of the transaction set";
      case "GE" -> "transaction sets of the functional group";
      default -> "functional groups of the interchange";
    };
  }
}
