package org.casemgmt.adapter.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Address.AddressUse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.StringType;

/**
 * A client's addresses as an enrollment record moves them. The residence the record gives is current from the
 * record's effective date; the residences current until then end the day before and are kept as old addresses with
 * that end (the residency rules read an old address over its period); the same residence sent again changes nothing.
 * A record older than the current residence (files loaded out of order) adds its residence to the history, ending the
 * day before the current one began, rather than displacing it.
 */
final class AddressHistory {
  private AddressHistory() {
  }

  /** The addresses after the move, as new copies; the given list is not changed. */
  static List<Address> moved(List<Address> addresses, Address residence, LocalDate effective) {
    List<Address> after = new ArrayList<>(addresses.stream().map(Address::copy).toList());
    List<Address> current = after.stream().filter(AddressHistory::currentResidence).toList();
    boolean known = current.stream().anyMatch(address -> samePlace(address, residence))
        || after.stream().anyMatch(address -> samePlace(address, residence) && covers(address, effective));
    if (known) {
      return after;
    }
    Optional<LocalDate> laterStart = current.stream().map(address -> day(address.getPeriod().getStartElement()))
        .filter(start -> start != null && start.isAfter(effective)).min(Comparator.naturalOrder());
    Address moved = residence.copy();
    moved.getPeriod().setStartElement(date(effective));
    if (laterStart.isPresent()) {
      moved.setUse(AddressUse.OLD).getPeriod().setEndElement(date(laterStart.get().minusDays(1)));
    } else {
      for (Address previous : current) {
        LocalDate start = day(previous.getPeriod().getStartElement());
        LocalDate end = effective.minusDays(1);
        previous.setUse(AddressUse.OLD).getPeriod().setEndElement(date(start != null && start.isAfter(end)
            ? start : end));
      }
    }
    after.add(moved);
    return after;
  }

  /**
   * The county known for the residence's place when the residence names none: an 834 that leaves N406 out says
   * nothing of the county, which stays as known for the same street, city, state and ZIP code.
   */
  static String knownCounty(List<Address> addresses, Address residence) {
    Address withoutCounty = residence.copy().setDistrict(null);
    return addresses.stream().filter(address -> address.hasDistrict()
        && samePlace(address.copy().setDistrict(null), withoutCounty)).map(Address::getDistrict).reduce((a, b) -> b)
        .orElse(null);
  }

  /** Where the client lives now as far as the record says: a home (or unqualified) address that has not ended. */
  private static boolean currentResidence(Address address) {
    return (address.getUse() == AddressUse.HOME || address.getUse() == null)
        && address.getType() != Address.AddressType.POSTAL && !address.getPeriod().hasEnd();
  }

  private static boolean covers(Address address, LocalDate day) {
    LocalDate start = day(address.getPeriod().getStartElement());
    LocalDate end = day(address.getPeriod().getEndElement());
    return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
  }

  /** The same place: lines, city, county, state, ZIP code and country, whatever the use and period. */
  static boolean samePlace(Address a, Address b) {
    return lines(a).equals(lines(b)) && same(a.getCity(), b.getCity()) && same(a.getDistrict(), b.getDistrict())
        && same(a.getState(), b.getState()) && same(a.getPostalCode(), b.getPostalCode())
        && same(a.getCountry(), b.getCountry());
  }

  private static List<String> lines(Address address) {
    return address.getLine().stream().map(StringType::getValue).map(AddressHistory::normal).toList();
  }

  private static boolean same(String a, String b) {
    return Objects.equals(normal(a), normal(b));
  }

  private static String normal(String text) {
    return text == null || text.isBlank() ? null : text.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  /** The day a date stands for; a date given to the month or year only says no day. */
  private static LocalDate day(DateTimeType value) {
    String text = value == null ? null : value.getValueAsString();
    return text == null || text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
  }

  private static DateTimeType date(LocalDate day) {
    return new DateTimeType(day.toString());
  }
}
