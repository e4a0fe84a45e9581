package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * The care-coordination workflow through the public FHIR API: the guide's examples, made the caller's own (a new
 * client, staff and organisations that exist), as the resources each stage writes.
 */
abstract class WorkflowTest extends FhirServerTest {
  static final String CM = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";
  static final String REFERRAL_TYPE = ImplementationGuide.CANONICAL + "/CodeSystem/referral-type";
  static final String PROGRAM = ImplementationGuide.CANONICAL + "/CodeSystem/program";
  static final String CM_MODEL = ImplementationGuide.CANONICAL + "/CodeSystem/cm-model";
  static final String ISP_APPROVAL = ImplementationGuide.CANONICAL + "/StructureDefinition/isp-approval";
  static final String DISCHARGE_REASON = ImplementationGuide.CANONICAL + "/StructureDefinition/discharge-reason";
  static final String QUESTIONNAIRE = ImplementationGuide.CANONICAL + "/Questionnaire/";
  static final String SMI_PROGRAM = "smi-functional-impairment";
  static final Duration DEADLINE = Duration.ofMinutes(2);

  final LocalDate today = LocalDate.now();
  /** The case-management agency, its case manager, a referring physician and a housing provider. */
  String agency;
  String caseManager;
  String physician;
  String housingProvider;

  void staff() {
    agency = create(new Organization().setName("Prairie Community Case Management " + uniqueValue()));
    housingProvider = create(new Organization().setName("Coordinated entry " + uniqueValue()));
    caseManager = create(new Practitioner().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Okafor")));
    physician = create(new Practitioner().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Lindqvist")));
  }

  // --- the client and the record eligibility reads

  /** A client in Sangamon county (IL), born 1986, with Medicaid and a schizophrenia diagnosis. */
  String eligibleClient() {
    String client = create(newClient(uniqueValue()));
    medicaid(client);
    Condition diagnosis = example("diagnosis", Condition.class);
    diagnosis.setSubject(new Reference(client)).setEncounter(null);
    diagnosis.setRecordedDateElement(new DateTimeType(today.minusMonths(3).toString()));
    create(diagnosis);
    return client;
  }

  /** The client's Medicaid coverage (the guide's example) since two years ago, paid through the agency. */
  void medicaid(String client) {
    Coverage coverage = example("medicaid-coverage", Coverage.class);
    coverage.getIdentifierFirstRep().setValue(uniqueValue());
    coverage.setSubscriberId(coverage.getIdentifierFirstRep().getValue());
    coverage.setBeneficiary(new Reference(client)).setPayor(new ArrayList<>(List.of(new Reference(agency))));
    coverage.getPeriod().setStartElement(new DateTimeType(today.minusYears(2).toString()));
    create(coverage);
  }

  /** {@code $evaluate-eligibility} under the SMI program, on the day given (today when null). */
  void evaluateEligibility(String client, LocalDate day) {
    org.hl7.fhir.r4.model.Parameters parameters = new org.hl7.fhir.r4.model.Parameters();
    parameters.addParameter().setName("program").setValue(new org.hl7.fhir.r4.model.CodeType(SMI_PROGRAM));
    if (day != null) {
      parameters.addParameter().setName("date").setValue(new org.hl7.fhir.r4.model.DateType(day.toString()));
    }
    fhir().operation().onInstance(new org.hl7.fhir.r4.model.IdType(client)).named("$evaluate-eligibility")
        .withParameters(parameters).returnResourceType(Observation.class).execute();
  }

  /** A psychiatric stay (or crisis service, by kind) that began on the day. */
  String episode(String client, String kind, LocalDate start) {
    Encounter stay = example("hospitalization", Encounter.class);
    stay.setIdentifier(new ArrayList<>(List.of(new Identifier().setSystem("https://ehr.example.org/sid/visit")
        .setValue("V" + uniqueValue()))));
    stay.setSubject(new Reference(client));
    stay.getTypeFirstRep().getCodingFirstRep().setCode(kind).setDisplay(null);
    if (!"psychiatric-inpatient".equals(kind)) {
      stay.getClass_().setCode("EMER").setDisplay("emergency");
      stay.setHospitalization(null);
    }
    stay.getPeriod().setStartElement(new DateTimeType(start + "T10:00:00-06:00"))
        .setEndElement(new DateTimeType(start.plusDays(kind.equals("psychiatric-inpatient") ? 6 : 0)
            + "T18:00:00-06:00"));
    return create(stay);
  }

  // --- referral and assessments

  /** A PCP's referral of the client to case management in the program, to the agency. */
  ServiceRequest caseManagementReferral(String client) {
    ServiceRequest referral = example("referral", ServiceRequest.class);
    referral.getExtension().get(0).setValue(new Coding(ImplementationGuide.CANONICAL + "/CodeSystem/referral-source",
        "pcp", null));
    Coding caseManagement = new Coding(REFERRAL_TYPE, "case-management", "Case management");
    referral.setCategory(new ArrayList<>(List.of(new CodeableConcept(caseManagement.copy()))));
    referral.setCode(new CodeableConcept(caseManagement).setText("Referral to SMI case management"));
    referral.addOrderDetail(new CodeableConcept(new Coding(PROGRAM, SMI_PROGRAM, null)));
    referral.setSubject(new Reference(client)).setRequester(new Reference(physician))
        .setPerformer(new ArrayList<>(List.of(new Reference(agency))));
    referral.setAuthoredOnElement(new DateTimeType(today.toString()));
    referral.getReasonCode().clear();
    referral.getSupportingInfo().clear();
    return referral;
  }

  /** A referral out to housing, made by the case manager. */
  ServiceRequest housingReferral(String client) {
    ServiceRequest referral = example("referral", ServiceRequest.class);
    referral.setSubject(new Reference(client)).setRequester(new Reference(caseManager))
        .setPerformer(new ArrayList<>(List.of(new Reference(housingProvider))));
    referral.setAuthoredOnElement(new DateTimeType(today.toString()));
    referral.getSupportingInfo().clear();
    return referral;
  }

  /** The guide's screening example, for the client today: homeless, unemployed, Medicaid. */
  QuestionnaireResponse screening(String client) {
    QuestionnaireResponse screening = response("assessment-response-screening", client);
    answer(screening, "housing-situation").getAnswerFirstRep().getValueCoding().setCode("housing-homeless")
        .setDisplay(null);
    return screening;
  }

  /** The guide's PHQ-9 example: a total of 12, moderate. */
  QuestionnaireResponse phq9(String client) {
    return response("assessment-response", client);
  }

  /** The guide's functional assessment example: ratings 2, 2, 4, 3, 3, 4, 3, 5; total 26, mean 3.25. */
  QuestionnaireResponse functionalAssessment(String client) {
    return response("assessment-response-functional", client);
  }

  /** A biopsychosocial intake answering the required items. */
  QuestionnaireResponse intake(String client) {
    String items = ImplementationGuide.CANONICAL + "/CodeSystem/biopsychosocial-intake";
    QuestionnaireResponse intake = new QuestionnaireResponse();
    intake.setQuestionnaire(QUESTIONNAIRE + "biopsychosocial-intake");
    intake.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    intake.setSubject(new Reference(client)).setAuthor(new Reference(caseManager));
    intake.setAuthoredElement(new DateTimeType(today + "T11:00:00-06:00"));
    QuestionnaireResponseItemComponent presenting = intake.addItem().setLinkId("presenting-problems");
    presenting.addItem().setLinkId("presenting-concerns").addAnswer().setValue(new StringType("Voices, no home"));
    intake.addItem().setLinkId("mental-health-history").addItem().setLinkId("current-suicidal-thoughts")
        .addAnswer().setValue(new BooleanType(false));
    intake.addItem().setLinkId("housing").addItem().setLinkId("living-arrangement").addAnswer()
        .setValue(new Coding(items, "living-shelter", null));
    intake.addItem().setLinkId("strengths").addItem().setLinkId("personal-strengths").addAnswer()
        .setValue(new StringType("Keeps appointments; close to a sister"));
    intake.addItem().setLinkId("summary").addItem().setLinkId("assessor-summary").addAnswer()
        .setValue(new StringType("Needs housing first, then work"));
    return intake;
  }

  QuestionnaireResponse response(String example, String client) {
    QuestionnaireResponse response = example(example, QuestionnaireResponse.class);
    response.setSubject(new Reference(client)).setAuthor(new Reference(caseManager));
    if (response.hasSource()) {
      response.setSource(new Reference(client));
    }
    response.setAuthoredElement(new DateTimeType(today + "T10:30:00-06:00"));
    return response;
  }

  static QuestionnaireResponseItemComponent answer(QuestionnaireResponse response, String linkId) {
    return find(response.getItem(), linkId).orElseThrow(() -> new AssertionError("no item " + linkId));
  }

  private static Optional<QuestionnaireResponseItemComponent> find(List<QuestionnaireResponseItemComponent> items,
      String linkId) {
    for (QuestionnaireResponseItemComponent item : items) {
      if (linkId.equals(item.getLinkId())) {
        return Optional.of(item);
      }
      Optional<QuestionnaireResponseItemComponent> nested = find(item.getItem(), linkId);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  // --- the plan, enrollment and team

  /** A measurable goal of the client: 30 nights housed in 90 days. */
  Goal goal(String client) {
    Goal goal = example("isp-goal", Goal.class);
    goal.setSubject(new Reference(client)).setExpressedBy(new Reference(client));
    goal.getAddresses().clear();
    goal.setStart(new DateType(today.toString()));
    goal.getTargetFirstRep().setDue(new DateType(today.plusDays(90).toString()));
    return goal;
  }

  /** A draft ISP with the goals and referrals given, written with the client, not yet approved. */
  CarePlan draftIsp(String client, List<String> goals, List<String> referrals) {
    CarePlan plan = example("isp", CarePlan.class);
    plan.getExtension().clear();
    plan.setStatus(CarePlan.CarePlanStatus.DRAFT);
    plan.setSubject(new Reference(client));
    plan.getPeriod().setStartElement(new DateTimeType(today.toString()))
        .setEndElement(new DateTimeType(today.plusDays(180).toString()));
    plan.setAuthor(new Reference(caseManager));
    plan.setContributor(new ArrayList<>(List.of(new Reference(client), new Reference(caseManager))));
    plan.getCareTeam().clear();
    plan.getAddresses().clear();
    plan.setGoal(new ArrayList<>(goals.stream().map(Reference::new).toList()));
    plan.getActivity().clear();
    referrals.forEach(referral -> plan.addActivity().setReference(new Reference(referral)));
    return plan;
  }

  /** The client's approval, recorded on the plan. */
  static CarePlan approved(CarePlan plan, String approver) {
    return approved(plan, approver, LocalDate.now());
  }

  /** The client's approval on the day given, recorded on the plan. */
  static CarePlan approved(CarePlan plan, String approver, LocalDate day) {
    Extension approval = plan.addExtension().setUrl(ISP_APPROVAL);
    approval.addExtension("approver", new Reference(approver));
    approval.addExtension("date", new DateTimeType(day + "T10:30:00-06:00"));
    return plan;
  }

  /** An enrollment in the program under intensive case management, from the day given. */
  EpisodeOfCare enrollment(String client, String program, LocalDate start) {
    EpisodeOfCare enrollment = example("program-enrollment", EpisodeOfCare.class);
    enrollment.getStatusHistory().clear();
    enrollment.getTypeFirstRep().getCodingFirstRep().setCode(program);
    enrollment.getDiagnosis().clear();
    enrollment.setPatient(new Reference(client)).setManagingOrganization(new Reference(agency));
    enrollment.getPeriod().setStartElement(new DateTimeType(start.toString()));
    enrollment.getReferralRequest().clear();
    enrollment.setCareManager(null);
    enrollment.getTeam().clear();
    return enrollment;
  }

  /** The client's case-management team with the case manager given. */
  CareTeam team(String client, String manager) {
    CareTeam team = example("case-management-team", CareTeam.class);
    team.setSubject(new Reference(client)).setManagingOrganization(new ArrayList<>(List.of(new Reference(agency))));
    team.getPeriod().setStartElement(new DateTimeType(today.toString()));
    team.getParticipant().removeIf(participant -> !participant.getRole().get(0).getCodingFirstRep().getCode()
        .equals("case-manager"));
    team.getParticipantFirstRep().setMember(new Reference(manager))
        .getPeriod().setStartElement(new DateTimeType(today.toString()));
    return team;
  }

  static EpisodeOfCare discharged(EpisodeOfCare enrollment, String reason, LocalDate end) {
    enrollment.setStatus(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    enrollment.getPeriod().setEndElement(new DateTimeType(end.toString()));
    enrollment.addExtension(DISCHARGE_REASON, new CodeableConcept(new Coding(
        ImplementationGuide.CANONICAL + "/CodeSystem/discharge-reason", reason, null)));
    return enrollment;
  }

  // --- the API

  String create(Resource resource) {
    return fhir().create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
  }

  void update(Resource resource) {
    fhir().update().resource(resource).execute();
  }

  <T extends Resource> T read(Class<T> type, String reference) {
    return fhir().read().resource(type).withUrl(reference).execute();
  }

  /**
   * A search answered from the store now, not from HAPI's cache of the same search made within the last minute
   * (a case manager's worklist asked for again after a change).
   */
  <T extends Resource> List<T> fresh(Class<T> type, String url) {
    org.hl7.fhir.r4.model.Bundle found = fhir().search().byUrl(url)
        .cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true))
        .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute();
    return found.getEntry().stream().map(entry -> type.cast(entry.getResource())).toList();
  }

  /** The write is refused with 422 and an OperationOutcome naming the rule; returns the issues of that rule. */
  static List<OperationOutcome.OperationOutcomeIssueComponent> refused(String rule, Runnable write) {
    UnprocessableEntityException refusal = catchThrowableOfType(write::run, UnprocessableEntityException.class);
    assertThat(refusal).as("refused under " + rule).isNotNull();
    assertThat(refusal.getStatusCode()).isEqualTo(422);
    OperationOutcome outcome = (OperationOutcome) refusal.getOperationOutcome();
    List<OperationOutcome.OperationOutcomeIssueComponent> issues = outcome.getIssue().stream()
        .filter(issue -> issue.getDetails().getCoding().stream()
            .anyMatch(coding -> WorkflowRule.SYSTEM.equals(coding.getSystem()) && rule.equals(coding.getCode())))
        .toList();
    assertThat(issues).as("issues naming " + rule + " in " + outcome.getIssue().stream()
        .map(issue -> issue.getDiagnostics()).toList()).isNotEmpty();
    assertThat(issues).allSatisfy(issue -> {
      assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
      assertThat(issue.getDetails().getText()).isNotBlank();
      assertThat(issue.getExpression()).isNotEmpty();
    });
    return issues;
  }

  /** Polls until the supplier gives a value, with a deadline (for what the service does after a commit). */
  static <T> T await(String what, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
