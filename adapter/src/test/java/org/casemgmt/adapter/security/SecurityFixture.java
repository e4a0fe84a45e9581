package org.casemgmt.adapter.security;

import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.adapter.careplan.Isps;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The records the security tests ask for, written by the test administrator: the case manager of the test users
 * ({@code Practitioner/test-cm}), the agency, and clients on and off that case manager's caseload.
 */
public final class SecurityFixture {
  public static final String CASE_MANAGER = "Practitioner/test-cm";
  public static final String AGENCY = "Organization/test-agency";
  static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

  private final IGenericClient admin;

  public SecurityFixture(IGenericClient admin) {
    this.admin = admin;
    Practitioner manager = new Practitioner().addName(new HumanName().setFamily("Okafor"));
    manager.setId(CASE_MANAGER);
    admin.update().resource(manager).execute();
    Organization agency = new Organization().setName("Test agency");
    agency.setId(AGENCY);
    admin.update().resource(agency).execute();
  }

  /** A new client, with no one's caseload naming them. */
  public String client() {
    return create(newClient(uniqueValue()));
  }

  /** A new client whose active case-management team names the test case manager (after an approved ISP). */
  public String clientOnCaseload() {
    String client = client();
    String goal = create(Isps.goal(client));
    create(Isps.approvedAndActive(Isps.draft(client, List.of(goal)), client));
    CareTeam team = example("case-management-team", CareTeam.class);
    team.setSubject(new Reference(client)).setManagingOrganization(new ArrayList<>(List.of(new Reference(AGENCY))));
    team.getParticipant().removeIf(participant -> !participant.getRole().get(0).getCodingFirstRep().getCode()
        .equals("case-manager"));
    team.getParticipantFirstRep().setMember(new Reference(CASE_MANAGER));
    create(team);
    return client;
  }

  /** An observation of the client in a category (laboratory, vital-signs, survey). */
  public String observation(String client, String category) {
    Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")))
        .setSubject(new Reference(client));
    observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, category, null)));
    return create(observation);
  }

  /** The client's coverage, active until the day given, paid by the agency (an Organization: not a client). */
  public String coverage(String client, java.time.LocalDate until) {
    Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setBeneficiary(new Reference(client));
    coverage.addPayor().setReference(AGENCY);
    coverage.getPeriod().setStartElement(new DateTimeType(until.minusYears(1).toString()))
        .setEndElement(new DateTimeType(until.toString()));
    return create(coverage);
  }

  /** A diagnosis of the client, ICD-10-CM. */
  public String diagnosis(String client, String code) {
    Condition condition = new Condition().setSubject(new Reference(client))
        .setCode(new CodeableConcept(new Coding(ICD10CM, code, null)));
    condition.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
        .setCode("active");
    return create(condition);
  }

  /** The client's consent (the guide's client-consent) to disclose Part 2 records to the recipient for a purpose. */
  public String part2Consent(String client, String recipient, String purpose) {
    Consent consent = example("client-consent", Consent.class);
    consent.setPatient(new Reference(client));
    consent.setPerformer(new ArrayList<>(List.of(new Reference(client))));
    consent.setOrganization(new ArrayList<>(List.of(new Reference(AGENCY))));
    consent.setSource(new Attachment().setContentType("application/pdf").setTitle("Signed consent"));
    consent.getProvision().setPeriod(new Period().setStartElement(new DateTimeType("2026-01-01"))
        .setEndElement(new DateTimeType("2099-12-31")));
    consent.getProvision().getActorFirstRep().setReference(new Reference(recipient));
    consent.getProvision().getPurposeFirstRep().setCode(purpose);
    return create(consent);
  }

  public String create(Resource resource) {
    return admin.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
  }
}
