package org.casemgmt.routes.claims;

import java.time.LocalDate;

/**
 * A hierarchical level of an 837 being read: the billing provider (2000A), the subscriber (2000B) or the patient
 * (2000C), with the first fault found in it. Claims under a level with a fault are refused with that fault.
 */
final class PartyDraft {
  final String hlId;
  final X12Segment hl;
  X12Fault fault;
  boolean named;
  String npi;
  String memberId;
  String familyName;
  String givenName;
  String middleName;
  LocalDate birthDate;
  String gender;
  Address address;
  int claims;

  PartyDraft(String hlId, X12Segment hl) {
    this.hlId = hlId;
    this.hl = hl;
  }

  void fault(X12Fault found) {
    if (fault == null) {
      fault = found;
    }
  }
}
