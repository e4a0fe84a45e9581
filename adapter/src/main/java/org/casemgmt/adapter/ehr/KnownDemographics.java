package org.casemgmt.adapter.ehr;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * What an EHR's Patient leaves out keeps what the record knows. An element the EHR sends speaks for itself (its names,
 * its addresses), but a part it leaves out is not a deletion: a middle name missing from the same name (same family
 * and first given name), the county missing from the same place (lines, city, state, ZIP code), a kind of contact
 * (phone, email) missing from its telecom. The EHR clears one by saying so: another first name, another place, or
 * the contact sent with its period ended.
 */
final class KnownDemographics {
  private KnownDemographics() {
  }

  /** The client as the EHR's Patient makes it, with what it left out kept from the stored client. */
  static Patient kept(Patient stored, Patient updated) {
    Patient client = updated.copy();
    for (HumanName name : client.getName()) {
      stored.getName().stream().filter(known -> sameName(known, name) && known.getGiven().size() > name.getGiven()
          .size()).findFirst().ifPresent(known -> known.getGiven().subList(name.getGiven().size(),
              known.getGiven().size()).forEach(middle -> name.addGiven(middle.getValue())));
    }
    for (Address address : client.getAddress()) {
      if (!address.hasDistrict()) {
        stored.getAddress().stream().filter(known -> known.hasDistrict() && samePlace(known, address)).findFirst()
            .ifPresent(known -> address.setDistrict(known.getDistrict()));
      }
    }
    Set<ContactPoint.ContactPointSystem> sent = client.getTelecom().stream().map(ContactPoint::getSystem)
        .collect(Collectors.toSet());
    stored.getTelecom().stream().filter(known -> !sent.contains(known.getSystem()))
        .forEach(known -> client.addTelecom(known.copy()));
    return client;
  }

  private static boolean sameName(HumanName a, HumanName b) {
    return b.hasGiven() && same(a.getFamily(), b.getFamily()) && a.hasGiven()
        && same(a.getGiven().get(0).getValue(), b.getGiven().get(0).getValue());
  }

  private static boolean samePlace(Address a, Address b) {
    return lines(a).equals(lines(b)) && same(a.getCity(), b.getCity()) && same(a.getState(), b.getState())
        && same(a.getPostalCode(), b.getPostalCode());
  }

  private static List<String> lines(Address address) {
    return address.getLine().stream().map(StringType::getValue).map(KnownDemographics::normal).toList();
  }

  private static boolean same(String a, String b) {
    return Objects.equals(normal(a), normal(b));
  }

  private static String normal(String text) {
    return text == null || text.isBlank() ? null : text.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
