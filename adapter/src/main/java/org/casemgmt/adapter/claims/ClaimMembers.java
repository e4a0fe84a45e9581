package org.casemgmt.adapter.claims;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member as the claims describe them, as a Patient to match on (and to create the client from when the member is not
 * known yet): the Medicaid member id in the identity policy's Medicaid system (the one every feed uses, so the feeds
 * meet on one client), and the name, birth date, gender and address of the latest 837 member loop. A CSV extract names
 * the member only; such a client's name and gender are recorded as unknown until another feed tells.
 */
@Component
class ClaimMembers {
  private final JdbcTemplate jdbc;
  private final IdentityPolicy identity;

  ClaimMembers(JdbcTemplate jdbc, IdentityPolicy identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** What the latest member loop says of a member as staged (all null for a member of a CSV extract). */
  record MemberLoop(String family, String given, String middle, LocalDate birthDate, String gender, String line1,
      String line2, String city, String state, String postalCode) {
    static final MemberLoop NONE = new MemberLoop(null, null, null, null, null, null, null, null, null, null);
  }

  Patient patient(String memberId) {
    List<MemberLoop> loops = jdbc.query("SELECT * FROM cm_claim_member WHERE member_id = ?", (row, number) ->
        new MemberLoop(row.getString("family_name"), row.getString("given_name"), row.getString("middle_name"),
            row.getDate("birth_date") == null ? null : row.getDate("birth_date").toLocalDate(),
            row.getString("gender"), row.getString("address_line1"), row.getString("address_line2"),
            row.getString("city"), row.getString("state"), row.getString("postal_code")), memberId);
    return patient(identity.medicaidId(memberId), loops.isEmpty() ? MemberLoop.NONE : loops.get(0));
  }

  /**
   * The client the member loop describes. Built whole to the client profile in every shape, as
   * {@code ClaimMembersTest} proves, so a new client from claims is not validated again on its write
   * ({@code ProfileEnforcement.builtWhole}): a name, or the name recorded as unknown, and a gender always.
   */
  static Patient patient(Identifier medicaidId, MemberLoop loop) {
    Patient patient = new Patient();
    patient.addIdentifier(medicaidId);
    List<StringType> given = nonBlank(loop.given(), loop.middle());
    if (loop.family() != null && !loop.family().isBlank() || !given.isEmpty()) {
      patient.addName().setFamily(blankToNull(loop.family())).setGiven(given);
    } else {
      // Until a member loop names them, the client's name is recorded as unknown rather than left out.
      patient.addName().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
          new CodeType("unknown"));
    }
    if (loop.birthDate() != null) {
      patient.setBirthDateElement(new DateType(loop.birthDate().toString()));
    }
    patient.setGender(gender(loop.gender()));
    List<StringType> lines = nonBlank(loop.line1(), loop.line2());
    if (!lines.isEmpty() || blankToNull(loop.postalCode()) != null) {
      patient.addAddress().setUse(Address.AddressUse.HOME).setCity(blankToNull(loop.city()))
          .setState(blankToNull(loop.state())).setPostalCode(blankToNull(loop.postalCode())).setLine(lines);
    }
    return patient;
  }

  private static AdministrativeGender gender(String x12) {
    return x12 == null ? AdministrativeGender.UNKNOWN : switch (x12) {
      case "F" -> AdministrativeGender.FEMALE;
      case "M" -> AdministrativeGender.MALE;
      default -> AdministrativeGender.UNKNOWN;
    };
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static List<StringType> nonBlank(String... parts) {
    return Arrays.stream(parts).filter(part -> part != null && !part.isBlank())
        .map(StringType::new).toList();
  }
}
