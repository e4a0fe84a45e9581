package org.casemgmt.routes.x12;

import org.casemgmt.routes.files.BadValue;

/**
 * What is wrong, and where, in an X12 file: the first fault of an envelope (found by {@link EnvelopeCheck}) or of a
 * loop or item (found while reading it). Every item under it is refused with this reason.
 *
 * @param segmentId       the segment at fault ({@code DTP})
 * @param segmentPosition its position in its transaction set (as a 999 acknowledgement counts it, ST = 1); 0 for
 *                        envelope segments outside a transaction set (GE, IEA)
 * @param element         the element reference ({@code DTP03}, {@code CLM05-3}); null when the whole segment or loop
 *                        is meant
 * @param line            the line of the file the fault is on, 1-based
 * @param reason          what is wrong; it may quote the offending value, which can be PHI: reports, not logs
 */
public record X12Fault(String segmentId, int segmentPosition, String element, int line, String reason) {

  public static X12Fault of(X12Segment segment, BadValue problem) {
    return new X12Fault(segment.tag(), segment.position(), problem.element(), segment.line(), problem.reason());
  }

  public static X12Fault of(X12Segment segment, String reason) {
    return new X12Fault(segment.tag(), segment.position(), null, segment.line(), reason);
  }

  /** Where, without values: {@code DTP03 (segment 24, line 26)}. */
  public String location() {
    return (element == null ? segmentId : element) + " (" + (segmentPosition > 0 ? "segment " + segmentPosition
        + ", " : "") + "line " + line + ")";
  }
}
