package org.casemgmt.routes.claims;

/**
 * What is wrong, and where, in an X12 file: the first fault of an envelope (found by {@link EnvelopeCheck}) or of a
 * loop or claim (found while reading it). Every claim under it is refused with this reason.
 */
record X12Fault(String segmentId, int segmentPosition, String element, int line, String reason) {

  static X12Fault of(X12Segment segment, ClaimProblem problem) {
    return new X12Fault(segment.tag(), segment.position(), problem.element(), segment.line(), problem.reason());
  }

  static X12Fault of(X12Segment segment, String reason) {
    return new X12Fault(segment.tag(), segment.position(), null, segment.line(), reason);
  }

  ClaimRejection rejection(ClaimRejection.Scope scope, String claimId) {
    return new ClaimRejection(scope, claimId, segmentId, segmentPosition, element, line, reason);
  }
}
