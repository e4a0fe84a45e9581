package org.casemgmt.adapter.claims;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.casemgmt.adapter.claims.ClaimMembers.MemberLoop;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A new client made from what the claims say of a member conforms to the client profile in every shape, whatever the
 * member loop leaves out or a CSV extract never says, so the claims feed does not validate it again on its write
 * ({@code ProfileEnforcement.builtWhole}).
 */
class ClaimMembersTest {
  private static final ImplementationGuide GUIDE = new ImplementationGuide(FhirContext.forR4Cached());
  private static final String CLIENT = ImplementationGuide.CANONICAL + "/StructureDefinition/client";
  private static final Identifier MEDICAID_ID = new Identifier().setSystem("urn:oid:2.16.840.1.113883.4.927")
      .setValue("MCD000000042").setType(new CodeableConcept(new Coding(
          "http://terminology.hl7.org/CodeSystem/v2-0203", "MB", null)));

  static Stream<Arguments> loops() {
    return Stream.of(
        Arguments.of("a member of a CSV extract (no member loop)", MemberLoop.NONE, null, AdministrativeGender.UNKNOWN),
        Arguments.of("everything sent", new MemberLoop("RIVERA", "DANA", "M", LocalDate.of(1986, 4, 12), "F",
            "12 ELM ST", "APT 4", "SPRINGFIELD", "IL", "627040000"), "RIVERA", AdministrativeGender.FEMALE),
        Arguments.of("family name only", new MemberLoop("RIVERA", null, null, null, null, null, null, null, null,
            null), "RIVERA", AdministrativeGender.UNKNOWN),
        Arguments.of("given name only, gender unknown", new MemberLoop(null, "DANA", null, null, "U", null, null,
            null, null, null), null, AdministrativeGender.UNKNOWN),
        Arguments.of("a blank family name and no given name", new MemberLoop("  ", null, null, null, "M", null, null,
            null, null, null), null, AdministrativeGender.MALE),
        Arguments.of("a ZIP code without street lines", new MemberLoop("RIVERA", "DANA", null, null, "M", null, null,
            null, null, "62704"), "RIVERA", AdministrativeGender.MALE),
        Arguments.of("street lines without a city, state or ZIP code", new MemberLoop("RIVERA", null, null, null,
            "F", "12 ELM ST", " ", null, null, null), "RIVERA", AdministrativeGender.FEMALE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loops")
  void everyShapeOfANewClientFromClaimsConformsToTheClientProfile(String shape, MemberLoop loop, String family,
      AdministrativeGender gender) {
    Patient client = ClaimMembers.patient(MEDICAID_ID, loop);

    assertThat(GUIDE.errors(client, CLIENT)).as(shape).isEmpty();
    assertThat(client.getNameFirstRep().getFamily()).as(shape).isEqualTo(family);
    assertThat(client.getGender()).as(shape).isEqualTo(gender);
    assertThat(client.getIdentifierFirstRep().getValue()).isEqualTo("MCD000000042");
  }
}
