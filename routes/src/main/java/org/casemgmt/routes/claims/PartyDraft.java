package org.casemgmt.routes.claims;

import org.casemgmt.routes.x12.X12Fault;
import org.casemgmt.routes.x12.X12Person;
import org.casemgmt.routes.x12.X12Segment;

/**
 * A hierarchical level of an 837 being read: the billing provider (2000A), the subscriber (2000B) or the patient
 * (2000C), with what its name loop (2010AA, 2010BA, 2010CA) says and the first fault found in it. Claims under a
 * level with a fault are refused with that fault.
 */
final class PartyDraft {
  final String hlId;
  final X12Segment hl;
  final X12Person person = new X12Person();
  X12Fault fault;
  boolean named;
  int claims;
  String npi;
  String memberId;

  PartyDraft(String hlId, X12Segment hl) {
    this.hlId = hlId;
    this.hl = hl;
  }

  void fault(X12Fault found) {
    if (fault == null) {
      fault = found;
    }
  }

  /** NM1 of a person. */
  void name(X12Segment nm1) {
    named = true;
    person.name(nm1);
  }

  /** The member: the id is always the subscriber's, the rest is this person's. */
  Member member(String subscriberId, boolean dependent) {
    Address address = person.hasAddress() ? new Address(person.line1(), person.line2(), person.city(),
        person.state(), person.postalCode()) : null;
    return new Member(subscriberId, person.familyName(), person.givenName(), person.middleName(),
        person.birthDate(), person.gender(), address, dependent);
  }
}
