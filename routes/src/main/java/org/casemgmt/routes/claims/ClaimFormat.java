package org.casemgmt.routes.claims;

/** The kind of file a claim was read from. */
public enum ClaimFormat {
  /** X12 837 institutional, 005010X223. */
  X12_837I,
  /** X12 837 professional, 005010X222. */
  X12_837P,
  /** The claim-line CSV extract described in the README. */
  CSV
}
