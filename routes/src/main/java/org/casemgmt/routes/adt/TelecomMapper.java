package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;

/**
 * XTN phone numbers and addresses as ContactPoints. Older senders put the whole number in XTN-1 (withdrawn in
 * v2.7); newer ones split it into country, area and local number (XTN-5 to XTN-8) or give it unformatted (XTN-12);
 * e-mail addresses are in XTN-4. The first of these that is present is the value.
 */
final class TelecomMapper {

  List<ContactPoint> telecoms(V2Segment segment, int field, ContactPointUse use) {
    List<ContactPoint> telecoms = new ArrayList<>();
    for (int repetition = 0; repetition < segment.repetitions(field); repetition++) {
      ContactPoint telecom = telecom(segment, field, repetition, use);
      if (telecom != null) {
        telecoms.add(telecom);
      }
    }
    return telecoms;
  }

  private static ContactPoint telecom(V2Segment segment, int field, int repetition, ContactPointUse use) {
    String equipment = segment.get(field, repetition, 3, 1).toUpperCase(Locale.ROOT);
    ContactPointSystem system = switch (equipment) {
      case "FX" -> ContactPointSystem.FAX;
      case "BP" -> ContactPointSystem.PAGER;
      case "INTERNET", "X.400" -> ContactPointSystem.EMAIL;
      default -> ContactPointSystem.PHONE;
    };
    String value = system == ContactPointSystem.EMAIL
        ? segment.get(field, repetition, 4, 1)
        : number(segment, field, repetition);
    if (value.isEmpty()) {
      return null;
    }
    return new ContactPoint().setSystem(system).setValue(value)
        .setUse("CP".equals(equipment) ? ContactPointUse.MOBILE : use);
  }

  private static String number(V2Segment segment, int field, int repetition) {
    String formatted = segment.get(field, repetition, 1, 1);
    if (!formatted.isEmpty()) {
      return formatted;
    }
    String unformatted = segment.get(field, repetition, 12, 1);
    if (!unformatted.isEmpty()) {
      return unformatted;
    }
    String local = segment.get(field, repetition, 7, 1);
    if (local.isEmpty()) {
      return "";
    }
    String country = segment.get(field, repetition, 5, 1);
    String area = segment.get(field, repetition, 6, 1);
    String extension = segment.get(field, repetition, 8, 1);
    return (country.isEmpty() ? "" : "+" + country + " ") + (area.isEmpty() ? "" : "(" + area + ") ") + local
        + (extension.isEmpty() ? "" : " x" + extension);
  }
}
