package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * PID as the client's Patient, following HL7's v2-to-FHIR PID mapping for the elements the guide's client profile
 * asks for. No id and no links: which stored client this is, is decided by identity matching on the identifiers.
 * The client profile is claimed only when the Patient meets it, so a message without sex still updates the record.
 */
final class PatientMapper {
  private static final Map<String, AdministrativeGender> SEX = Map.of(
      "M", AdministrativeGender.MALE, "F", AdministrativeGender.FEMALE,
      "O", AdministrativeGender.OTHER, "U", AdministrativeGender.UNKNOWN);

  /** Whole fields an explicit null clears: name, birth date, sex, address, home and work phone, language. */
  private static final int[] CLEARABLE_FIELDS = {5, 7, 8, 11, 13, 14, 15};
  /** Components of them: family, given and middle name; address lines, city, state, postal code, county. */
  private static final Map<Integer, int[]> CLEARABLE_COMPONENTS =
      Map.of(5, new int[] {1, 2, 3}, 11, new int[] {1, 2, 3, 4, 5, 9});

  private static final Pattern BCP_47 =
      Pattern.compile("([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?");

  private final IdentifierMapper identifiers;
  private final AddressMapper addresses = new AddressMapper();
  private final TelecomMapper telecoms = new TelecomMapper();
  PatientMapper(IdentifierMapper identifiers) {
    this.identifiers = identifiers;
  }

  Patient patient(V2Segment pid, Envelope envelope) throws AdtRejection {
    Patient patient = new Patient();
    identifiers(pid, envelope).forEach(patient::addIdentifier);
    HumanName name = name(pid);
    if (name != null) {
      patient.addName(name);
    }
    patient.setBirthDateElement(pid.date(7, "birth date"));
    String sex = pid.get(8).toUpperCase(Locale.ROOT);
    if (!sex.isEmpty()) {
      patient.setGender(SEX.getOrDefault(sex, AdministrativeGender.UNKNOWN));
    }
    for (int repetition = 0; repetition < pid.repetitions(11); repetition++) {
      Address address = addresses.address(pid, 11, repetition);
      if (address != null) {
        patient.addAddress(address);
      }
    }
    telecoms.telecoms(pid, 13, ContactPoint.ContactPointUse.HOME).forEach(patient::addTelecom);
    telecoms.telecoms(pid, 14, ContactPoint.ContactPointUse.WORK).forEach(patient::addTelecom);
    CodeableConcept language = language(pid);
    if (language != null) {
      patient.addCommunication().setLanguage(language);
    }
    if (meetsClientProfile(patient)) {
      patient.getMeta().addProfile(Guide.CLIENT);
    }
    return patient;
  }

  /**
   * The PID values the sender cleared with HL7's explicit null (""), as positions ("PID-5.3" middle name, "PID-11.9"
   * county, "PID-8" sex): the record forgets what it holds there, while a value merely left empty keeps it.
   */
  static Set<String> cleared(V2Segment pid) {
    Set<String> cleared = new TreeSet<>();
    for (int field : CLEARABLE_FIELDS) {
      if (pid.isNull(field, 0)) {
        cleared.add("PID-" + field);
      }
    }
    CLEARABLE_COMPONENTS.forEach((field, components) -> {
      for (int component : components) {
        if (!cleared.contains("PID-" + field) && pid.isNull(field, component)) {
          cleared.add("PID-" + field + "." + component);
        }
      }
    });
    return cleared;
  }

  /** The client profile: sex (gender 1..1), a name, typed identifiers, and no more than one Medicaid ID. */
  private static boolean meetsClientProfile(Patient patient) {
    long medicaidIds = patient.getIdentifier().stream()
        .filter(identifier -> "MB".equals(identifier.getType().getCodingFirstRep().getCode())).count();
    return patient.hasGender() && patient.hasName() && medicaidIds <= 1;
  }

  /** PID-3, and PID-2 (the old external id) when the sender typed it; at least one, or the message is refused. */
  private List<Identifier> identifiers(V2Segment pid, Envelope envelope) throws AdtRejection {
    List<Identifier> found = new ArrayList<>(identifiers.identifiers(pid, 3, envelope));
    if (!pid.get(2, 0, 5, 1).isEmpty()) {
      Identifier external = identifiers.identifier(pid, 2, 0, envelope);
      if (external != null && found.stream().noneMatch(i -> i.equalsDeep(external))) {
        found.add(external);
      }
    }
    if (found.isEmpty()) {
      throw pid.error(Hl7Error.REQUIRED_FIELD_MISSING, 3, pid.get(3).isEmpty()
          ? "PID-3 patient identifier list is empty: the patient cannot be identified"
          : "PID-3 holds only identifier types this receiver does not keep (such as SS): the patient cannot be"
              + " identified");
    }
    return found;
  }

  /**
   * PID-15 primary language. FHIR allows only BCP-47 codes here (the binding's maximum value set), while v2
   * senders use their own table 0296 codes (EN, ENG, ara, 1): a two-letter ISO 639-1 code, optionally with a
   * region, becomes a BCP-47 coding; anything else is kept as text, its description or else its code.
   */
  private static CodeableConcept language(V2Segment pid) {
    String code = pid.get(15, 0, 1, 1);
    String description = pid.get(15, 0, 2, 1);
    if (code.isEmpty()) {
      return null;
    }
    CodeableConcept language = new CodeableConcept().setText(description.isEmpty() ? code : description);
    Matcher tag = BCP_47.matcher(code);
    if (tag.matches()) {
      String region = tag.group(2) == null ? "" : "-" + tag.group(2).toUpperCase(Locale.ROOT);
      language.addCoding(new Coding("urn:ietf:bcp:47",
          tag.group(1).toLowerCase(Locale.ROOT) + region, description.isEmpty() ? null : description));
    }
    return language;
  }

  /** The first PID-5 repetition as the official name: family, then given and middle names. */
  private static HumanName name(V2Segment pid) {
    String family = pid.get(5, 0, 1, 1);
    String given = pid.get(5, 0, 2, 1);
    String middle = pid.get(5, 0, 3, 1);
    if (family.isEmpty() && given.isEmpty()) {
      return null;
    }
    HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL);
    if (!family.isEmpty()) {
      name.setFamily(family);
    }
    for (String part : List.of(given, middle)) {
      if (!part.isEmpty()) {
        name.getGiven().add(new StringType(part));
      }
    }
    return name;
  }
}
