package org.casemgmt.adapter.enrollment;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.casemgmt.profiles.ImplementationGuide;
import org.casemgmt.routes.enrollment.MemberMaintenance;
import org.casemgmt.routes.enrollment.MemberMaintenance.CoverageChange;
import org.casemgmt.routes.enrollment.MemberMaintenance.Payer;
import org.casemgmt.routes.enrollment.MemberOrigin;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * What the enrollment feed writes, built to the guide's profiles: a member's Medicaid coverage (medicaid-coverage),
 * their residence, and the Provenance naming the file. {@code EnrollmentResourcesTest} proves every shape conforms,
 * so the service does not validate these again on each write.
 */
final class EnrollmentResources {
  /** Coverage of one member with one payer for one insurance line: the feed's identity of a Coverage. */
  static final String ENROLLMENT_SYSTEM = ImplementationGuide.CANONICAL + "/sid/medicaid-enrollment";
  static final String FILE_SYSTEM = ImplementationGuide.CANONICAL + "/sid/enrollment-file";
  static final String PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/medicaid-coverage";
  /** The US IRS employer identification number (N103 FI). */
  private static final String EIN_SYSTEM = "urn:oid:2.16.840.1.113883.4.4";
  private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

  private EnrollmentResources() {
  }

  /** {@code <member id>|<payer>|<insurance line>}. */
  static String key(String memberId, Payer payer, String insuranceLine) {
    return memberId + "|" + payer.key() + "|" + insuranceLine;
  }

  /**
   * A member's coverage for one insurance line, without status or period (the maintenance sets them).
   *
   * @param type           the Medicaid Coverage.type, {@code system|code}
   * @param medicaidSystem the deployment's Medicaid member id system
   */
  static Coverage coverage(MemberMaintenance member, CoverageChange line, String type, String medicaidSystem) {
    Coverage coverage = new Coverage();
    coverage.getMeta().addProfile(PROFILE);
    coverage.addIdentifier().setSystem(ENROLLMENT_SYSTEM).setValue(key(member.memberId(), member.payer(),
        line.insuranceLine()));
    coverage.addIdentifier().setSystem(medicaidSystem).setValue(member.memberId())
        .setType(new CodeableConcept(new Coding(V2_0203, "MB", "Member Number")));
    int bar = type.indexOf('|');
    coverage.setType(new CodeableConcept(new Coding(type.substring(0, bar), type.substring(bar + 1), null))
        .setText("Medicaid"));
    coverage.setSubscriberId(member.memberId());
    coverage.setRelationship(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/subscriber-relationship", relationship(member), null)));
    coverage.setPayor(List.of(payor(member.payer())));
    coverage.addClass_().setType(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/coverage-class", "plan", null)))
        .setValue(line.insuranceLine()).setName(line.plan());
    return coverage;
  }

  /** The payer as the file names it (N1*IN): by identifier, without a resource of its own. */
  static Reference payor(Payer payer) {
    Reference reference = new Reference().setDisplay(payer.name());
    if (payer.id() != null) {
      reference.setIdentifier(new Identifier().setSystem("FI".equals(payer.idQualifier()) ? EIN_SYSTEM
          : ImplementationGuide.CANONICAL + "/sid/x12-payer-" + payer.idQualifier().toLowerCase(Locale.ROOT))
          .setValue(payer.id()));
    }
    return reference;
  }

  /** INS02: 18 self, 01 spouse, 19 child; anything else is another relationship. */
  private static String relationship(MemberMaintenance member) {
    return switch (member.relationship()) {
      case "18" -> "self";
      case "01" -> "spouse";
      case "19" -> "child";
      default -> "other";
    };
  }

  /** The residence an 834 gives (N3/N4), its county named as the residency rules name counties. */
  static Address residence(MemberMaintenance.Residence residence, String county) {
    Address address = new Address().setUse(Address.AddressUse.HOME).setType(Address.AddressType.PHYSICAL)
        .setCity(residence.city()).setDistrict(county).setState(residence.state())
        .setPostalCode(residence.postalCode()).setCountry(residence.country());
    if (residence.line1() != null) {
      address.addLine(residence.line1());
    }
    if (residence.line2() != null) {
      address.addLine(residence.line2());
    }
    return address;
  }

  /** The Provenance of what one member's records changed: the file and where in it each record is. */
  static Provenance provenance(Date recorded, boolean created, String fileName, List<MemberOrigin> records) {
    Provenance provenance = new Provenance();
    provenance.setRecorded(recorded);
    provenance.setActivity(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation",
        created ? "CREATE" : "UPDATE", null)));
    provenance.addAgent().setType(new CodeableConcept(new Coding(
            "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", null)))
        .setWho(new Reference().setDisplay("Enrollment feed of the case-management adapter"));
    for (MemberOrigin origin : records) {
      provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
          .setWhat(new Reference().setIdentifier(new Identifier().setSystem(FILE_SYSTEM).setValue(fileName))
              .setDisplay("enrollment file " + origin));
    }
    return provenance;
  }
}
