package org.casemgmt.routes.enrollment;

import java.util.Objects;

/**
 * One item read from an enrollment file: a member's maintenance (an INS loop), or a rejection saying which member (or
 * transaction set) could not be read and why, both with where they came from. Rejections are items rather than
 * exceptions so that a reader keeps going and the batch job records them beside the members it takes.
 */
public record ParsedMember(MemberOrigin origin, MemberMaintenance maintenance, MemberRejection rejection) {

  public ParsedMember {
    Objects.requireNonNull(origin, "origin");
    if ((maintenance == null) == (rejection == null)) {
      throw new IllegalArgumentException("a parsed member is either a maintenance or a rejection");
    }
  }

  public static ParsedMember accepted(MemberOrigin origin, MemberMaintenance maintenance) {
    return new ParsedMember(origin, Objects.requireNonNull(maintenance, "maintenance"), null);
  }

  public static ParsedMember rejected(MemberOrigin origin, MemberRejection rejection) {
    return new ParsedMember(origin, null, Objects.requireNonNull(rejection, "rejection"));
  }

  public boolean isAccepted() {
    return maintenance != null;
  }
}
