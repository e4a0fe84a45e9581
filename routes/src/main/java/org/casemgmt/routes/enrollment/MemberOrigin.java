package org.casemgmt.routes.enrollment;

import org.casemgmt.routes.x12.X12Envelope;

/**
 * Where a member's maintenance (or a rejection) was read: enough for Provenance and for a person to find it in the
 * file.
 *
 * @param firstLine the line of the member's INS (of the ST for a transaction set refused whole), 1-based. A file
 *                  written without line breaks is one line: the rejection's segment position then locates it.
 * @param lastLine  the line of its last segment
 */
public record MemberOrigin(X12Envelope envelope, int firstLine, int lastLine) {

  @Override
  public String toString() {
    return envelope.fileName() + " " + envelope + " " + (firstLine == lastLine ? "line " + firstLine
        : "lines " + firstLine + "-" + lastLine);
  }
}
