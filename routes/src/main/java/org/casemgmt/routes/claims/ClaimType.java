package org.casemgmt.routes.claims;

/** UB-04 / 837I institutional bills versus CMS-1500 / 837P professional ones: they carry different codes. */
public enum ClaimType {
  /** A facility's bill: type of bill, revenue codes, admission and discharge, DRG. */
  INSTITUTIONAL,
  /** A clinician's bill: place of service and HCPCS/CPT procedures per line. */
  PROFESSIONAL
}
