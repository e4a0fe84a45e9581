package org.casemgmt.adapter.eligibility.evidence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where the client lived over a period: a home address, or for a person without a home the place they usually stay
 * (shelter, outreach site), which the shell records the same way.
 *
 * @param state two-letter USPS code
 * @param county county name as the address gives it (Patient.address.district), or null
 * @param postalCode ZIP or ZIP+4, or null
 * @param start first day, or null when unknown
 * @param end last day, or null while current
 */
public record AddressFact(String state, String county, String postalCode, LocalDate start, LocalDate end,
    String reference) {

  public AddressFact {
    Objects.requireNonNull(reference, "reference");
    if (start != null && end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("address " + reference + " ends before it starts");
    }
  }

  public boolean currentOn(LocalDate day) {
    return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
  }
}
