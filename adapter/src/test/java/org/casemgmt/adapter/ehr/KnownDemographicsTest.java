package org.casemgmt.adapter.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an EHR's Patient leaves out keeps what the record knows; what it says otherwise replaces it. The record knows
 * DANA M RIVERA at 12 Elm St, Springfield IL 62704, Sangamon county, phone 217-555-0100.
 */
class KnownDemographicsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # the EHR sends                          | given   | street    | county   | zip   | phone             | email        | name after | county after | contacts after
      the same, without middle name           | DANA    | 12 ELM ST |          | 62704 | 217-555-0100      |              | DANA M     | SANGAMON     | phone 217-555-0100
      another first name                      | DARA    | 12 ELM ST | SANGAMON | 62704 | 217-555-0100      |              | DARA       | SANGAMON     | phone 217-555-0100
      the same place without county           | DANA M  | 12 Elm St |          | 62704 | 217-555-0100      |              | DANA M     | SANGAMON     | phone 217-555-0100
      another place without county            | DANA M  | 40 OAK AV |          | 62675 | 217-555-0100      |              | DANA M     |              | phone 217-555-0100
      an email and no phone                   | DANA M  | 12 ELM ST | SANGAMON | 62704 |                   | d@example.org | DANA M    | SANGAMON     | email d@example.org & phone 217-555-0100
      another phone                           | DANA M  | 12 ELM ST | SANGAMON | 62704 | 217-555-0199      |              | DANA M     | SANGAMON     | phone 217-555-0199
      the phone ended                         | DANA M  | 12 ELM ST | SANGAMON | 62704 | 217-555-0100 ended |             | DANA M     | SANGAMON     | phone 217-555-0100 ended
      """)
  void whatTheEhrLeavesOutIsKeptAndWhatItSaysReplaces(String name, String given, String street, String county,
      String zip, String phone, String email, String nameAfter, String countyAfter, String contactsAfter) {
    Patient stored = patient("DANA M", "12 ELM ST", "SANGAMON", "62704", "217-555-0100", null);
    Patient sent = patient(given, street, county, zip, phone, email);

    Patient client = KnownDemographics.kept(stored, sent);

    assertThat(String.join(" ", client.getNameFirstRep().getGiven().stream().map(StringType::getValue).toList()))
        .isEqualTo(nameAfter);
    assertThat(client.getAddressFirstRep().getDistrict()).isEqualTo(countyAfter);
    assertThat(String.join(" & ", client.getTelecom().stream().map(contact -> contact.getSystem().toCode() + " "
        + contact.getValue() + (contact.getPeriod().hasEnd() ? " ended" : "")).sorted().toList()))
        .isEqualTo(contactsAfter);
  }

  private static Patient patient(String given, String street, String county, String zip, String phone,
      String email) {
    Patient patient = new Patient();
    var name = patient.addName().setFamily("RIVERA");
    for (String part : given.split(" ")) {
      name.addGiven(part);
    }
    patient.addAddress(new Address().addLine(street).setCity("SPRINGFIELD").setState("IL").setPostalCode(zip)
        .setDistrict(county));
    if (phone != null) {
      var contact = patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(phone.replace(" ended", ""));
      if (phone.endsWith(" ended")) {
        contact.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2025-01-01"));
      }
    }
    if (email != null) {
      patient.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(email);
    }
    return patient;
  }
}
