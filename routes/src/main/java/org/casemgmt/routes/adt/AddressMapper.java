package org.casemgmt.routes.adt;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Address;

/**
 * An XAD address as FHIR Address (v2-to-FHIR XAD mapping). The county (XAD-9) goes to district: residency in a
 * program's service area is judged on it.
 */
final class AddressMapper {
  private static final Map<String, Address.AddressUse> USE = Map.of(
      "H", Address.AddressUse.HOME, "B", Address.AddressUse.WORK, "O", Address.AddressUse.WORK,
      "C", Address.AddressUse.TEMP, "BA", Address.AddressUse.OLD);

  /** One repetition, or null when it is empty. */
  Address address(V2Segment segment, int field, int repetition) {
    Address address = new Address();
    for (int component : new int[] {1, 2}) {
      String line = segment.get(field, repetition, component, 1);
      if (!line.isEmpty()) {
        address.addLine(line);
      }
    }
    set(segment.get(field, repetition, 3, 1), address::setCity);
    set(segment.get(field, repetition, 4, 1), address::setState);
    set(segment.get(field, repetition, 5, 1), address::setPostalCode);
    set(segment.get(field, repetition, 6, 1), address::setCountry);
    String countyCode = segment.get(field, repetition, 9, 1);
    String countyName = segment.get(field, repetition, 9, 2);
    set(countyName.isEmpty() ? countyCode : countyName, address::setDistrict);
    if (address.isEmpty()) {
      return null;
    }
    String type = segment.get(field, repetition, 7, 1).toUpperCase(Locale.ROOT);
    if (USE.containsKey(type)) {
      address.setUse(USE.get(type));
    } else if ("M".equals(type)) {
      address.setType(Address.AddressType.POSTAL);
    }
    return address;
  }

  private static void set(String value, Consumer<String> setter) {
    if (!value.isEmpty()) {
      setter.accept(value);
    }
  }
}
