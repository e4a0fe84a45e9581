package org.casemgmt.adapter.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.profiles.ImplementationGuide;
import org.casemgmt.routes.enrollment.MaintenanceType;
import org.casemgmt.routes.enrollment.MemberMaintenance;
import org.casemgmt.routes.enrollment.MemberMaintenance.CoverageChange;
import org.casemgmt.routes.enrollment.MemberMaintenance.Payer;
import org.casemgmt.routes.enrollment.MemberMaintenance.PersonName;
import org.casemgmt.routes.enrollment.MemberMaintenance.Residence;
import org.casemgmt.routes.enrollment.MemberOrigin;
import org.casemgmt.routes.x12.X12Envelope;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the enrollment feed writes conforms to the guide's profiles, in every shape it builds: coverage open, ended and
 * cancelled, of a subscriber and of a dependent, from a payer known by tax id, by another id or by name only; the
 * client with the residence; the Provenance. The service trusts this and does not validate the Coverage and
 * Provenance again on each write (see {@code ProfileEnforcement.BUILT_TO_PROFILE}).
 */
class EnrollmentResourcesTest {
  private static final ImplementationGuide GUIDE = new ImplementationGuide(FhirContext.forR4Cached());
  private static final String CLIENT = ImplementationGuide.CANONICAL + "/StructureDefinition/client";
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final Payer MCO = new Payer("PRAIRIE MEDICAID HEALTH PLAN", "FI", "376000001");
  private static final EnrollmentProperties POLICY = new EnrollmentProperties("inbox", "0F",
      "https://nahdo.org/sopt|2", Map.of("17167", "Sangamon"), 100, 1000, 2);

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("added, open", member("18", MCO, MaintenanceType.ADDITION,
            line(MaintenanceType.ADDITION, "HLT", "2025-01-01", null))),
        Arguments.of("ended", member("18", MCO, MaintenanceType.TERMINATION,
            line(MaintenanceType.TERMINATION, "HLT", "2025-01-01", "2025-06-30"))),
        Arguments.of("cancelled", member("18", MCO, MaintenanceType.TERMINATION,
            line(MaintenanceType.TERMINATION, "HLT", "2025-02-01", "2025-01-31"))),
        Arguments.of("a dependent child, two lines", member("19", MCO, MaintenanceType.ADDITION,
            line(MaintenanceType.ADDITION, "HMO", "2025-01-01", null),
            line(MaintenanceType.ADDITION, "DEN", "2025-03-01", "2025-12-31"))),
        Arguments.of("a payer by CMS plan id", member("18", new Payer(null, "XV", "H1234"),
            MaintenanceType.ADDITION, line(MaintenanceType.ADDITION, "HLT", "2025-01-01", null))),
        Arguments.of("a payer by name only", member("18", new Payer("STATE MEDICAID", null, null),
            MaintenanceType.ADDITION, line(MaintenanceType.ADDITION, "HLT", "2025-01-01", null))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void everyShapeConforms(String shape, MemberMaintenance member) {
    Patient stored = new Patient();
    stored.setId("Patient/1/_history/1");
    stored.addIdentifier().setSystem(MEDICAID).setValue(member.memberId()).getType().addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MB");
    stored.addName().setFamily("UNKNOWN");
    stored.setGender(AdministrativeGender.UNKNOWN);
    MemberRecord record = new MemberRecord(MEDICAID, POLICY, stored, stored.copy(), Map.of());
    record.apply(member, new MemberOrigin(new X12Envelope("members.834", "000000001", "1", "0001",
        "005010X220A1"), 7, 16));
    ClientRecordChanges changes = new ClientRecordChanges();
    record.write(changes, "members.834", new Date());

    List<Resource> written = changes.transaction().getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .toList();
    assertThat(written).extracting(Resource::fhirType).contains("Patient", "Coverage", "Provenance");
    for (Resource resource : written) {
      assertThat(resource instanceof Patient ? GUIDE.errors(resource, CLIENT) : GUIDE.errors(resource))
          .as(shape + ": " + resource.fhirType()).isEmpty();
    }
    assertThat(written.stream().filter(Coverage.class::isInstance).map(Coverage.class::cast))
        .allSatisfy(coverage -> assertThat(coverage.getMeta().getProfile()).hasSize(1));
  }

  /**
   * A new member's client is built whole to the client profile, so the service does not validate it again
   * ({@code ProfileEnforcement.builtWhole}): in every shape, whatever of the name, birth date, sex and residence the
   * file leaves out. A member with neither a family nor a given name is not claimed to be, and fails the profile.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("newMembers")
  void aNewMembersClientConformsWhenItIsClaimedBuiltWhole(String shape, MemberMaintenance member) {
    Patient client = MemberRecord.newClient(new Identifier().setSystem(MEDICAID).setValue(member.memberId())
        .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MB", null))));
    MemberRecord record = new MemberRecord(MEDICAID, POLICY, null, client, Map.of());
    record.apply(member, new MemberOrigin(new X12Envelope("members.834", "000000001", "1", "0001",
        "005010X220A1"), 7, 16));
    record.write(new ClientRecordChanges(), "members.834", new Date());

    // Claimed built whole exactly when the profile's validator finds nothing: what it would refuse is still checked.
    assertThat(record.builtWhole()).as(shape).isEqualTo(GUIDE.errors(client, CLIENT).isEmpty()
        ? java.util.Optional.of(client) : java.util.Optional.empty());
    assertThat(record.builtWhole().isPresent()).as(shape)
        .isEqualTo(member.name().family() != null || member.name().given() != null);
  }

  static Stream<Arguments> newMembers() {
    Residence home = new Residence("12 ELM ST", "APT 4", "SPRINGFIELD", "IL", "627040000", "17167", null);
    return Stream.of(
        Arguments.of("everything sent", newMember(new PersonName("RIVERA", "DANA", "M"), LocalDate.of(1986, 4, 12),
            "F", home)),
        Arguments.of("family name only, no birth date, sex or residence", newMember(
            new PersonName("RIVERA", null, null), null, null, null)),
        Arguments.of("given name only, sex unknown", newMember(new PersonName(null, "DANA", null), null, "U", null)),
        Arguments.of("a residence without street lines", newMember(new PersonName("RIVERA", "DANA", null), null, "M",
            new Residence(null, null, "SPRINGFIELD", "IL", "62704", null, null))),
        Arguments.of("no name at all", newMember(new PersonName(null, null, null), null, null, null)));
  }

  private static MemberMaintenance newMember(PersonName name, LocalDate birthDate, String gender,
      Residence residence) {
    return new MemberMaintenance("MCD000000002", true, "18", MaintenanceType.ADDITION, "28", LocalDate.of(2025, 1, 2),
        null, name, false, birthDate, gender, residence, MCO,
        List.of(line(MaintenanceType.ADDITION, "HLT", "2025-01-01", null)));
  }

  private static MemberMaintenance member(String relationship, Payer payer, MaintenanceType maintenance,
      CoverageChange... lines) {
    return new MemberMaintenance("MCD000000001", relationship.equals("18"), relationship, maintenance, "28",
        LocalDate.of(2025, 1, 2), null, new PersonName("RIVERA", "DANA", "M"), false, LocalDate.of(1986, 4, 12), "F",
        new Residence("12 ELM ST", "APT 4", "SPRINGFIELD", "IL", "627040000", "17167", null), payer,
        List.of(lines));
  }

  private static CoverageChange line(MaintenanceType maintenance, String insuranceLine, String start, String end) {
    return new CoverageChange(maintenance, insuranceLine, "MEDICAID MANAGED CARE", "IND", LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end));
  }
}
