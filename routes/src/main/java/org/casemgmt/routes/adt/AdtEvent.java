package org.casemgmt.routes.adt;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ADT trigger events this adapter acts on (HL7 table 0003). Other ADT events are acknowledged and ignored: they
 * carry nothing the case-management record needs, or (A28/A31 person updates) nothing the visit events do not.
 */
enum AdtEvent {
  A01, A02, A03, A04, A06, A07, A08, A11, A13, A40;

  static Optional<AdtEvent> of(String code) {
    return Arrays.stream(values()).filter(e -> e.name().equals(code)).findFirst();
  }

  /**
   * Events about one visit: without a visit number (PV1-19, or the account number PID-18) their admit, transfer and discharge could not be told
   * apart from another stay's, so such a message is refused rather than half-taken. A08 is mainly a demographics
   * update, A40 a merge; neither needs a visit.
   */
  boolean isAboutAVisit() {
    return this != A08 && this != A40;
  }
}
