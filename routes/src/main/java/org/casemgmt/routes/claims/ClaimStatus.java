package org.casemgmt.routes.claims;

/**
 * Whether the payer paid the claim. An 837 is a bill or an encounter report, not an adjudication, so claims read from
 * X12 are {@link #UNKNOWN}; CSV extracts from a payer's warehouse say paid or denied. Denied claims are kept: whether
 * they count as evidence is a rule of the evidence layer, not of the parser.
 */
public enum ClaimStatus {
  PAID,
  DENIED,
  UNKNOWN
}
