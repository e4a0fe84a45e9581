package org.casemgmt.adapter.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
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

  Patient patient(String memberId) {
    Patient patient = new Patient();
    patient.addIdentifier(identity.medicaidId(memberId));
    patient.setGender(AdministrativeGender.UNKNOWN);
    // Until a member loop names them, the client's name is recorded as unknown rather than left out.
    patient.addName().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
        new CodeType("unknown"));
    jdbc.query("SELECT * FROM cm_claim_member WHERE member_id = ?", row -> {
      if (row.getString("family_name") != null) {
        patient.setName(new ArrayList<>());
        patient.addName().setFamily(row.getString("family_name"))
            .setGiven(nonBlank(row.getString("given_name"), row.getString("middle_name")));
      }
      if (row.getDate("birth_date") != null) {
        patient.setBirthDateElement(new DateType(row.getDate("birth_date").toLocalDate().toString()));
      }
      patient.setGender(gender(row.getString("gender")));
      if (row.getString("address_line1") != null || row.getString("postal_code") != null) {
        patient.addAddress().setUse(Address.AddressUse.HOME)
            .setCity(row.getString("city")).setState(row.getString("state"))
            .setPostalCode(row.getString("postal_code"))
            .setLine(nonBlank(row.getString("address_line1"), row.getString("address_line2")));
      }
    }, memberId);
    return patient;
  }

  private static AdministrativeGender gender(String x12) {
    return x12 == null ? AdministrativeGender.UNKNOWN : switch (x12) {
      case "F" -> AdministrativeGender.FEMALE;
      case "M" -> AdministrativeGender.MALE;
      default -> AdministrativeGender.UNKNOWN;
    };
  }

  private static List<StringType> nonBlank(String... parts) {
    return Arrays.stream(parts).filter(part -> part != null && !part.isBlank())
        .map(StringType::new).toList();
  }
}
