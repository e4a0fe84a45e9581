package org.casemgmt.adapter.eligibility.evidence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One ICD-10-CM code recorded for the client. A claim listing a code in several positions may give several facts
 * with the same reference; they count as one claim.
 *
 * @param code ICD-10-CM, with or without the dot ("F20.9" and "F209" are the same code)
 * @param date date of service for a claim; for a Condition, the day it was recorded (or its onset)
 * @param until for a Condition, the day it abated or was resolved; null while active and for claims
 * @param denied true for a diagnosis on a claim the payer denied
 */
public record DiagnosisFact(String code, DiagnosisSource source, LocalDate date, LocalDate until, boolean denied,
    String reference) {

  public DiagnosisFact {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reference, "reference");
    if (denied && !source.isClaim()) {
      throw new IllegalArgumentException("only a claim can be denied: " + reference);
    }
  }
}
