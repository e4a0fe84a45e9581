package org.casemgmt.adapter.adt;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * What an ADT message says of a known client, folded in value by value. HL7 v2 tells "nothing to say" (an empty
 * value) from "delete it" (the explicit null {@code ""}): an empty value keeps what the record holds, even inside a
 * name or an address (a message without the county or middle name leaves them as known), and only an explicit null
 * clears it. Identity matching has already folded the message in element by element; this refines names and
 * addresses, and applies the clears.
 */
final class ClientDemographics {

  private static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

  private ClientDemographics() {
  }

  /**
   * A client first met in this message. PID-5 and PID-8 are optional in v2 but the client record needs a name and a
   * gender: a message without them records them as unknown (gender "unknown", a name with a data-absent reason), and
   * a later message that has them fills them in.
   */
  static Patient firstMet(Patient incoming) {
    Patient client = incoming.copy();
    if (!client.hasGender()) {
      client.setGender(AdministrativeGender.UNKNOWN);
    }
    if (!client.hasName()) {
      client.addName().addExtension(DATA_ABSENT_REASON, new CodeType("unknown"));
    }
    return client;
  }

  /**
   * A known client with what the message says of it.
   *
   * @param stored   the client as stored
   * @param updated  the client with the message folded in by identity matching (whole elements)
   * @param incoming the Patient the message states
   * @param cleared  PID positions the message cleared ("PID-11.9")
   */
  static Patient fold(Patient stored, Patient updated, Patient incoming, Set<String> cleared) {
    Patient client = updated.copy();
    if (incoming.hasName() && stored.hasName() && !cleared.contains("PID-5")) {
      client.setName(List.of(name(incoming.getNameFirstRep(), stored.getNameFirstRep(), cleared)));
    }
    if (incoming.hasAddress() && stored.hasAddress()) {
      client.setAddress(incoming.getAddress().stream().map(address -> address(address, stored, cleared)).toList());
    }
    if (!incoming.hasTelecom() && (cleared.contains("PID-13") || cleared.contains("PID-14"))) {
      client.setTelecom(List.of()); // phones the message lists replace the known ones; "" clears them
    }
    if (cleared.contains("PID-7")) {
      client.setBirthDateElement(null);
    }
    if (cleared.contains("PID-8")) {
      client.setGender(AdministrativeGender.UNKNOWN); // the client record needs one
    }
    if (cleared.contains("PID-11")) {
      client.setAddress(List.of());
    }
    if (cleared.contains("PID-15")) {
      client.setCommunication(List.of());
    }
    return client;
  }

  /** Family, given and middle name: each one the message leaves empty is the known one. */
  private static HumanName name(HumanName sent, HumanName known, Set<String> cleared) {
    HumanName name = sent.copy();
    if (!sent.hasFamily() && known.hasFamily() && !cleared.contains("PID-5.1")) {
      name.setFamily(known.getFamily());
    }
    List<StringType> given = known.getGiven();
    if (!sent.hasGiven() && !given.isEmpty() && !cleared.contains("PID-5.2")) {
      name.setGiven(given.stream().map(StringType::copy).toList());
    } else if (sent.getGiven().size() == 1 && given.size() > 1 && !cleared.contains("PID-5.3")
        && sent.getGiven().get(0).getValue().equalsIgnoreCase(given.get(0).getValue())) {
      name.addGiven(given.get(1).getValue()); // the same first name, no middle name sent: keep the known one
    }
    return name;
  }

  /**
   * A sent address, completed from the known address of the same use when it is the same place (no component
   * differs): a missing county, say, is the known county. A new place takes nothing from the old one.
   */
  private static Address address(Address sent, Patient stored, Set<String> cleared) {
    Optional<Address> known = stored.getAddress().stream().filter(old -> old.getUse() == sent.getUse()).findFirst();
    if (known.isEmpty() || !samePlace(sent, known.get())) {
      return sent;
    }
    Address old = known.get();
    Address address = sent.copy();
    if (!sent.hasLine() && !cleared.contains("PID-11.1")) {
      address.setLine(old.getLine().stream().map(StringType::copy).toList());
    }
    fill(address::hasCity, () -> address.setCity(old.getCity()), cleared, "PID-11.3");
    fill(address::hasState, () -> address.setState(old.getState()), cleared, "PID-11.4");
    fill(address::hasPostalCode, () -> address.setPostalCode(old.getPostalCode()), cleared, "PID-11.5");
    fill(address::hasDistrict, () -> address.setDistrict(old.getDistrict()), cleared, "PID-11.9");
    if (!address.hasCountry()) {
      address.setCountry(old.getCountry());
    }
    return address;
  }

  private static void fill(java.util.function.BooleanSupplier present, Runnable keep, Set<String> cleared,
      String position) {
    if (!present.getAsBoolean() && !cleared.contains(position)) {
      keep.run();
    }
  }

  private static boolean samePlace(Address a, Address b) {
    return agree(a, b, Address::getCity) && agree(a, b, Address::getState) && agree(a, b, Address::getPostalCode)
        && agree(a, b, address -> address.hasLine() ? address.getLine().get(0).getValue() : null);
  }

  private static boolean agree(Address a, Address b, Function<Address, String> component) {
    String first = component.apply(a);
    String second = component.apply(b);
    return first == null || second == null
        || Objects.equals(first.trim().toLowerCase(Locale.ROOT), second.trim().toLowerCase(Locale.ROOT));
  }
}
