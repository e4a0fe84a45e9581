package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.AddressFact;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of the Patient's addresses say where the client lives, and over which days. */
class ResidencesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # case                                         | use  | type     | state    | county   | zip        | start      | end        | residence
      a home address with its county                  | home | -        | IL       | Sangamon | 62704      | -          | -          | IL Sangamon 62704 ..
      an address without a use is a residence         | -    | -        | IL       | Logan    | -          | 2024-05-01 | -          | IL Logan - 2024-05-01..
      the state spelt out is its USPS code            | home | both     | Illinois | Menard   | 62675      | -          | -          | IL Menard 62675 ..
      a temporary address (a shelter) is a residence  | temp | physical | il       | Sangamon | -          | 2025-01-10 | -          | IL Sangamon - 2025-01-10..
      an old address with its end                     | old  | -        | MO       | -        | 63101-1234 | 2020-01-01 | 2024-04-30 | MO - 63101-1234 2020-01-01..2024-04-30
      an old address that does not say when it ended  | old  | -        | MO       | -        | 63101      | -          | -          | none
      a work address is not where the client lives    | work | -        | IL       | Sangamon | 62701      | -          | -          | none
      a billing address is not a residence            | billing | -     | IL       | Sangamon | 62701      | -          | -          | none
      a mailing-only address may be a PO box anywhere | home | postal   | IL       | Sangamon | 62701      | -          | -          | none
      an address without a state is still an address  | home | -        | -        | Sangamon | -          | -          | -          | - Sangamon - ..
      """)
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
