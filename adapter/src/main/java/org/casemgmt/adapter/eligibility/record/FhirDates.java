package org.casemgmt.adapter.eligibility.record;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/** Days from FHIR dates and date-times, as the record states them. */
public final class FhirDates {

  private FhirDates() {
  }

  /**
   * The calendar day as written, in the sender's own offset: an admission at 23:30 -06:00 is on that day, not on
   * the next day in UTC. Null when absent or less precise than a day (a year alone cannot be placed in a lookback).
   */
  public static LocalDate day(BaseDateTimeType value) {
    if (value == null || !value.hasValue() || value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
      return null;
    }
    return LocalDate.parse(value.getValueAsString().substring(0, 10));
  }
}
