package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.casemgmt.routes.clientrecord.IdentityFixtures;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PID becomes the client: identifiers with comparable systems, and the demographics the client profile asks for. */
class PatientMappingTest {
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";

  @Test
  void sampleA01IdentifiersTakeTheirSystemsFromTheTablesAndTheSsnIsDropped() throws Exception {
    Patient patient = AdtFixtures.parseSample("ADT-A01-01.hl7").patient();
    // PID-3: PATID1234^5^M11^test1&2.16.1&HCD^MR (authority 2.16.1 is in the tables) ~ 123456789^^^USSSA^SS;
    // PID-2: 1234567^4^M11^test^MR (typed, authority "test" unknown: the facility's fallback system).
    assertThat(patient.getIdentifier())
        .extracting(Identifier::getSystem, Identifier::getValue, i -> i.getType().getCodingFirstRep().getCode())
        .containsExactly(
            tuple("urn:oid:2.16.1", "PATID1234", "MR"),
            tuple("urn:casemgmt:v2:ghhsfacility:test", "1234567", "MR"));
  }

  @Test
  void sampleA01Demographics() throws Exception {
    Patient patient = AdtFixtures.parseSample("ADT-A01-01.hl7").patient();
    HumanName name = patient.getNameFirstRep();
    assertThat(name.getUse()).isEqualTo(HumanName.NameUse.OFFICIAL);
    assertThat(name.getFamily()).isEqualTo("EVERYMAN");
    assertThat(name.getGiven()).extracting(Object::toString).containsExactly("ADAM", "A");
    assertThat(patient.getName()).hasSize(1);
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1988-08-18");
    assertThat(patient.getGender()).isEqualTo(AdministrativeGender.MALE);
    Address address = patient.getAddressFirstRep();
    assertThat(address.getLine()).extracting(Object::toString).containsExactly("1000", "Ste. 123");
    assertThat(address.getCity()).isEqualTo("Ann Arbor");
    assertThat(address.getState()).isEqualTo("MI");
    assertThat(address.getPostalCode()).isEqualTo("99999");
    assertThat(address.getCountry()).isEqualTo("USA");
    assertThat(address.getDistrict()).as("XAD-9 county, text W").isEqualTo("W");
    assertThat(address.getType()).as("XAD-7 M, mailing").isEqualTo(Address.AddressType.POSTAL);
    assertThat(patient.getTelecom()).extracting(ContactPoint::getValue, ContactPoint::getUse)
        .contains(tuple("78788788", ContactPoint.ContactPointUse.MOBILE),
            tuple("1111", ContactPoint.ContactPointUse.WORK));
    assertThat(patient.getCommunicationFirstRep().getLanguage().getText()).isEqualTo("ara");
    assertThat(patient.getIdElement().isEmpty()).isTrue();
  }

  @Test
  void ownMessageGivesHomeAddressWithCountyPhoneAndLanguage() throws Exception {
    Patient patient = AdtFixtures.parser().parse(TestMessage.a01()
        .set("PID", 15, "en^English^ISO639").text()).patient();
    Address address = patient.getAddressFirstRep();
    assertThat(address.getUse()).isEqualTo(Address.AddressUse.HOME);
    assertThat(address.getDistrict()).isEqualTo("Sangamon");
    assertThat(address.getLine()).extracting(Object::toString).containsExactly("12 Elm St", "Apt 2");
    assertThat(patient.getTelecomFirstRep().getValue()).isEqualTo("555-0142");
    assertThat(patient.getTelecomFirstRep().getUse()).isEqualTo(ContactPoint.ContactPointUse.HOME);
    assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getSystem())
        .isEqualTo("urn:ietf:bcp:47");
    assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("en");
    assertThat(patient.getCommunicationFirstRep().getLanguage().getText()).isEqualTo("English");
  }

  @Test
  void version23SampleReadsTheSameFields() throws Exception {
    Patient patient = AdtFixtures.parseSample("ADT01-23.hl7").patient();
    assertThat(patient.getIdentifierFirstRep().getSystem()).as("authority 1 of facility 1, not in the tables")
        .isEqualTo("urn:casemgmt:v2:1:1");
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("10006579");
    assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("DUCK");
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1924-10-10");
    assertThat(patient.getTelecom()).extracting(ContactPoint::getValue, ContactPoint::getUse).containsExactly(
        tuple("8885551212", ContactPoint.ContactPointUse.HOME), tuple("8885551212", ContactPoint.ContactPointUse.WORK));
  }

  @Test
  void birthDateWithTimeAndOffsetKeepsTheCalendarDate() throws Exception {
    Patient patient = AdtFixtures.parseSample("ADT04-23.hl7").patient(); // PID-7 19850101000000+0700
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1985-01-01");
  }

  @ParameterizedTest(name = "PID-8 {0} -> {1}")
  @CsvSource({"M, MALE", "F, FEMALE", "O, OTHER", "U, UNKNOWN", "A, UNKNOWN", "N, UNKNOWN", "x, UNKNOWN"})
  void sexBecomesGender(String sex, AdministrativeGender gender) throws Exception {
    assertThat(AdtFixtures.parser().parse(TestMessage.a01().set("PID", 8, sex).text()).patient().getGender())
        .isEqualTo(gender);
  }

  @Test
  void withoutSexTheClientProfileIsNotClaimed() throws Exception {
    Patient patient = AdtFixtures.parser().parse(TestMessage.a01().set("PID", 8, "").text()).patient();
    assertThat(patient.hasGender()).isFalse();
    assertThat(patient.getMeta().hasProfile()).isFalse();
  }

  @Test
  void twoMedicaidIdsAreKeptButTheClientProfileIsNotClaimed() throws Exception {
    Patient patient = AdtFixtures.parser().parse(TestMessage.a01()
        .set("PID", 3, "MRN-778812^^^NORTHSIDE^MR~IL0012345678^^^^MA~IL0099999999^^^^MA").text()).patient();
    assertThat(patient.getIdentifier()).hasSize(3);
    assertThat(patient.getMeta().hasProfile()).as("the client profile allows one Medicaid ID").isFalse();
  }

  @Test
  void unknownAssigningAuthorityGetsAStableFallbackSystem() throws Exception {
    Patient patient = AdtFixtures.parser().parse(TestMessage.a01()
        .set("PID", 3, "A-77^^^St. Mary's Lab&1.2.3&ISO^MR").text()).patient();
    assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("urn:casemgmt:v2:northside:st.-mary-s-lab");
    assertThat(patient.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("MR");
  }

  /** HAPI's CustomModelClassTest and IRIS A03 (adt/corpus/hapi) type their ids PI and JHN, under local authorities. */
  @ParameterizedTest
  @CsvSource({"4242^^^BKDMDM^PI, PI", "165640^^^CANON^JHN, JHN", "A-77^^^LAB, MR", "ZZ83M64^^^CF^CF, MR",
      "ZZ83M64^^^SSN^SSN, MR"})
  void unknownAuthorityKeepsTheSendersPersonIdentifierType(String cx, String type) throws Exception {
    Patient patient = AdtFixtures.parser().parse(TestMessage.a01().set("PID", 3, cx).text()).patient();
    assertThat(patient.getIdentifierFirstRep().getType().getCodingFirstRep())
        .extracting(c -> c.getSystem(), c -> c.getCode())
        .containsExactly("http://terminology.hl7.org/CodeSystem/v2-0203", type);
  }

  @Test
  void identifierWithoutAuthorityBelongsToTheSendingFacility() throws Exception {
    Patient patient = AdtFixtures.parseSample("ADT04-23.hl7").patient(); // 123456789^^^^MR from NINTENDO
    assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("urn:casemgmt:v2:nintendo");
  }

  @Test
  void twoFacilitiesWithTheirOwnMrnsShareOneMedicaidIdentifier() throws Exception {
    Patient northside = AdtFixtures.parser().parse(TestMessage.a01().text()).patient();
    Patient riverview = AdtFixtures.parser().parse(TestMessage.a01()
        .set("MSH", 4, "RIVERVIEW").set("MSH", 10, "RV-1")
        .set("PID", 3, "R-5521^^^RIVERVIEW^MR~IL0012345678^^^IL-MEDICAID").text()).patient();

    assertThat(mrn(northside)).isEqualTo("https://northside.example.org/sid/mrn|MRN-778812");
    assertThat(mrn(riverview)).isEqualTo("https://riverview.example.org/sid/mrn|R-5521");
    Identifier fromNorthside = medicaid(northside);
    Identifier fromRiverview = medicaid(riverview);
    assertThat(fromNorthside.getSystem()).isEqualTo(MEDICAID);
    assertThat(fromNorthside.getValue()).isEqualTo("IL0012345678");
    assertThat(fromRiverview.equalsDeep(fromNorthside)).as("typed MA at Northside, authority IL-MEDICAID at Riverview")
        .isTrue();
  }

  @Test
  void socialSecurityNumbersAreNeverKept() throws Exception {
    Patient patient = AdtFixtures.parser().parse(TestMessage.a01().text()).patient();
    assertThat(patient.getIdentifier()).extracting(Identifier::getValue).doesNotContain("123456789");
    assertThat(patient.getIdentifier()).hasSize(2);
  }

  @Test
  void anIdentifierTheTablesFileUnderAnIgnoredSystemIsNeverKept() throws Exception {
    // A site that maps its SSA authority to the SSN system: the identity policy ignores that system, whatever CX-5
    // says (here none), as it does for the EHR pull.
    AdtMappingTables tables = new AdtMappingTables("UTC",
        List.of(new AdtMappingTables.IdentifierAuthority("SSA", null, "http://hl7.org/fhir/sid/us-ssn", "SB")),
        List.of(), List.of(), null);
    Patient patient = new AdtParser(tables, IdentityFixtures.shipped()).parse(TestMessage.a01()
        .set("PID", 3, "MRN-778812^^^NORTHSIDE^MR~123456789^^^SSA").text()).patient();
    assertThat(patient.getIdentifier()).extracting(Identifier::getValue).containsExactly("MRN-778812");
  }

  private static String mrn(Patient patient) {
    return patient.getIdentifier().stream().filter(i -> i.getType().getCodingFirstRep().getCode().equals("MR"))
        .map(i -> i.getSystem() + "|" + i.getValue()).findFirst().orElseThrow();
  }

  private static Identifier medicaid(Patient patient) {
    return patient.getIdentifier().stream().filter(i -> i.getType().getCodingFirstRep().getCode().equals("MB"))
        .findFirst().orElseThrow();
  }

  @Test
  void anExplicitNullIsNoValueButIsToldApartFromAnEmptyOne() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01().set("PID", 5, "Rivera^Dana^\"\"")
        .set("PID", 8, "\"\"").set("PID", 11, "12 Elm St^^Springfield^IL^62704^USA^H^^\"\"").text());
    assertThat(message.patient().getNameFirstRep().getGiven()).extracting(given -> given.getValue())
        .containsExactly("Dana");
    assertThat(message.patient().hasGender()).isFalse();
    assertThat(message.patient().getAddressFirstRep().hasDistrict()).isFalse();
    assertThat(message.cleared()).containsExactlyInAnyOrder("PID-5.3", "PID-8", "PID-11.9");

    AdtMessage empty = AdtFixtures.parser().parse(TestMessage.a01().set("PID", 5, "Rivera^Dana")
        .set("PID", 8, "").text());
    assertThat(empty.cleared()).isEmpty();
    assertThat(AdtFixtures.parser().parse(TestMessage.a01().set("PID", 11, "\"\"").text()).cleared())
        .containsExactly("PID-11");
  }
}
