package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.AddressFact;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Which of the Patient's addresses say where the client lives, and over which days.
 * The cases, one per row: {@code src/test/resources/eligibility/record/addresses.csv}.
 */
class ResidencesTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/eligibility/record/addresses.csv", delimiter = '|', nullValues = "-",
      numLinesToSkip = 1)
  void residence(String name, String use, String type, String state, String county, String zip, String start,
      String end, String expected) {
    Patient patient = new Patient();
    patient.setId("Patient/9");
    Address address = patient.addAddress().setState(state).setDistrict(county).setPostalCode(zip);
    if (use != null) {
      address.setUse(Address.AddressUse.fromCode(use));
    }
    if (type != null) {
      address.setType(Address.AddressType.fromCode(type));
    }
    if (start != null) {
      address.getPeriod().setStartElement(new DateTimeType(start));
    }
    if (end != null) {
      address.getPeriod().setEndElement(new DateTimeType(end));
    }

    List<AddressFact> facts = Residences.addresses(patient);

    assertThat(facts.isEmpty() ? "none" : describe(facts.get(0))).isEqualTo(expected);
    assertThat(facts).allSatisfy(fact -> assertThat(fact.reference()).isEqualTo("Patient/9"));
  }

  private static String describe(AddressFact fact) {
    return dash(fact.state()) + " " + dash(fact.county()) + " " + dash(fact.postalCode()) + " "
        + (fact.start() == null ? "" : fact.start()) + ".." + (fact.end() == null ? "" : fact.end());
  }

  private static String dash(String text) {
    return text == null ? "-" : text;
  }
}
