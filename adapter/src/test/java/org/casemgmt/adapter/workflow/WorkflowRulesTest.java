package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow rule refuses the write that breaks it with 422 and an OperationOutcome naming the rule (details
 * coding in the workflow-rule code system), the reason and the element; the same write done in order goes through.
 */
class WorkflowRulesTest extends WorkflowTest {

  @BeforeEach
  void setUp() {
    staff();
  }

  @Test
  void anIspBecomesActiveOnlyWithTheClientsApproval() {
    String client = create(newClient(uniqueValue()));
    String isp = create(draftIsp(client, List.of(create(goal(client))), List.of()));
    CarePlan draft = read(CarePlan.class, isp);

    refused("isp-activation-requires-client-approval", () -> update(draft.copy().setStatus(CarePlan.CarePlanStatus.ACTIVE)));
    CarePlan createdActive = draftIsp(client, List.of(create(goal(client))), List.of())
        .setStatus(CarePlan.CarePlanStatus.ACTIVE);
    refused("isp-activation-requires-client-approval", () -> create(createdActive));
    // Approved by the case manager, not the client or a representative.
    List<OperationOutcomeIssueComponent> issues = refused("isp-activation-requires-client-approval",
        () -> update(approved(draft.copy(), caseManager).setStatus(CarePlan.CarePlanStatus.ACTIVE)));
    assertThat(issues.get(0).getDetails().getText()).contains(caseManager, "neither the client");

    update(approved(draft.copy(), client).setStatus(CarePlan.CarePlanStatus.ACTIVE));
    assertThat(read(CarePlan.class, isp).getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
  }

  @Test
  void aTransactionMayCreateTheClientAndThePlanTheyApproved() {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String client = "urn:uuid:" + UUID.randomUUID();
    String goal = "urn:uuid:" + UUID.randomUUID();
    transaction.addEntry().setFullUrl(client).setResource(newClient(uniqueValue())).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    transaction.addEntry().setFullUrl(goal).setResource(goal(client)).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
    transaction.addEntry().setResource(approved(draftIsp(client, List.of(goal), List.of()), client)
        .setStatus(CarePlan.CarePlanStatus.ACTIVE)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CarePlan");

    Bundle response = fhir().transaction().withBundle(transaction).execute();

    String stored = response.getEntry().get(0).getResponse().getLocation().replaceAll("/_history/.*", "");
    CarePlan plan = read(CarePlan.class, response.getEntry().get(2).getResponse().getLocation()
        .replaceAll("/_history/.*", ""));
    assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
    assertThat(((Reference) plan.getExtensionByUrl(ISP_APPROVAL).getExtensionByUrl("approver").getValue())
        .getReference()).isEqualTo(stored);
  }

  @Test
  void anIspBecomesActiveOnlyWithMeasurableGoals() {
    String client = create(newClient(uniqueValue()));
    CarePlan withoutGoals = approved(draftIsp(client, List.of(), List.of()), client)
        .setStatus(CarePlan.CarePlanStatus.ACTIVE);
    refused("isp-activation-requires-measurable-goals", () -> create(withoutGoals));

    Goal vague = goal(client);
    vague.getMeta().getProfile().clear(); // the isp-goal profile would refuse it on its own
    vague.getTargetFirstRep().setDue(null);
    String vagueGoal = create(vague);
    String isp = create(approved(draftIsp(client, List.of(vagueGoal), List.of()), client));
    List<OperationOutcomeIssueComponent> issues = refused("isp-activation-requires-measurable-goals",
        () -> update(read(CarePlan.class, isp).setStatus(CarePlan.CarePlanStatus.ACTIVE)));
    assertThat(issues.get(0).getDetails().getText()).contains(vagueGoal, "without a due date");
    assertThat(issues.get(0).getExpression().get(0).getValue()).isEqualTo("CarePlan.goal[0]");
  }

  @Test
  void aCaseManagerIsAssignedOnlyAfterTheClientApprovesTheIsp() {
    String client = create(newClient(uniqueValue()));
    String isp = create(draftIsp(client, List.of(create(goal(client))), List.of()));

    refused("case-manager-assignment-requires-approved-isp", () -> create(team(client, caseManager)));
    EpisodeOfCare waitlisted = enrollment(client, SMI_PROGRAM, today).setStatus(EpisodeOfCare.EpisodeOfCareStatus.WAITLIST)
        .setCareManager(new Reference(caseManager));
    refused("case-manager-assignment-requires-approved-isp", () -> create(waitlisted));

    update(approved(read(CarePlan.class, isp), client));
    create(team(client, caseManager));
    create(waitlisted);
  }

  static Stream<Arguments> enrollmentsWithoutProgramOrModel() {
    return Stream.of(
        Arguments.of("no program", (Consumer<EpisodeOfCare>) enrollment -> enrollment.getType().remove(0)),
        Arguments.of("a program the adapter does not define",
            (Consumer<EpisodeOfCare>) enrollment -> enrollment.getTypeFirstRep().getCodingFirstRep()
                .setCode("claims-24m")),
        Arguments.of("no case-management model", (Consumer<EpisodeOfCare>) enrollment -> enrollment.getType().remove(1)));
  }

  @ParameterizedTest(name = "an enrollment with {0} is refused")
  @MethodSource("enrollmentsWithoutProgramOrModel")
  void anEnrollmentNamesItsProgramAndModel(String what, Consumer<EpisodeOfCare> change) {
    String client = create(newClient(uniqueValue()));
    EpisodeOfCare enrollment = enrollment(client, SMI_PROGRAM, today).setStatus(EpisodeOfCare.EpisodeOfCareStatus.WAITLIST);
    change.accept(enrollment);
    refused("enrollment-names-program-and-model", () -> create(enrollment));
  }

  @Test
  void anEnrollmentBecomesActiveOnlyForAnEligibleClient() {
    String client = create(newClient(uniqueValue()));
    List<OperationOutcomeIssueComponent> issues = refused("enrollment-requires-eligibility",
        () -> create(enrollment(client, SMI_PROGRAM, today)));
    assertThat(issues.get(0).getDetails().getText()).contains("has not been made");

    // A determination that is not eligible: no diagnosis, coverage or impairment on record.
    fhir().operation().onInstance(client).named("$evaluate-eligibility")
        .withParameter(org.hl7.fhir.r4.model.Parameters.class, "program", new org.hl7.fhir.r4.model.CodeType(SMI_PROGRAM))
        .returnResourceType(org.hl7.fhir.r4.model.Observation.class).execute();
    String waitlisted = create(enrollment(client, SMI_PROGRAM, today).setStatus(EpisodeOfCare.EpisodeOfCareStatus.WAITLIST));
    issues = refused("enrollment-requires-eligibility",
        () -> update(read(EpisodeOfCare.class, waitlisted).setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE)));
    assertThat(issues.get(0).getDetails().getText()).containsPattern("is (not-eligible|insufficient-information)");
  }

  /** A referral's Task walked to {@code from} along allowed steps, then moved to {@code to}. */
  static Stream<Arguments> illegalTaskMoves() {
    return Stream.of(
        Arguments.of("housing", List.of(), "completed"),
        Arguments.of("housing", List.of(), "in-progress"),
        Arguments.of("housing", List.of(), "ready"),
        Arguments.of("housing", List.of("accepted"), "requested"),
        Arguments.of("housing", List.of("rejected"), "accepted"),
        Arguments.of("case-management", List.of(), "accepted"),
        Arguments.of("case-management", List.of("cancelled"), "in-progress"));
  }

  @ParameterizedTest(name = "a {0} referral''s Task after {1} cannot move to {2}")
  @MethodSource("illegalTaskMoves")
  void tasksMoveAlongTheirLifecycle(String referralType, List<String> path, String to) {
    String client = create(newClient(uniqueValue()));
    Task task = referralTask(client, referralType);
    for (String step : path) {
      update(closable(task.setStatus(Task.TaskStatus.fromCode(step))));
      task = read(Task.class, "Task/" + task.getIdPart());
    }
    Task moved = task.setStatus(Task.TaskStatus.fromCode(to));
    List<OperationOutcomeIssueComponent> issues = refused("task-status-transition", () -> update(closable(moved)));
    assertThat(issues.get(0).getExpression().get(0).getValue()).isEqualTo("Task.status");
  }

  @Test
  void aTaskStartsAsRequested() {
    String client = create(newClient(uniqueValue()));
    Task started = referralTask(client, "housing").copy();
    started.setId((String) null);
    started.getIdentifier().clear();
    started.setStatus(Task.TaskStatus.INPROGRESS);
    refused("task-status-transition", () -> create(started));
  }

  static Stream<Arguments> closingsWithoutOutcome() {
    return Stream.of(
        Arguments.of(List.of("accepted", "in-progress"), "completed", "Task.output"),
        Arguments.of(List.of(), "rejected", "Task.statusReason"),
        Arguments.of(List.of("accepted"), "cancelled", "Task.statusReason"),
        Arguments.of(List.of("accepted", "in-progress"), "failed", "Task.statusReason"));
  }

  @ParameterizedTest(name = "a referral Task {1} after {0} without its outcome is refused")
  @MethodSource("closingsWithoutOutcome")
  void aClosedTaskRecordsItsOutcome(List<String> path, String status, String element) {
    String client = create(newClient(uniqueValue()));
    Task task = referralTask(client, "housing");
    for (String step : path) {
      update(task.setStatus(Task.TaskStatus.fromCode(step)));
      task = read(Task.class, "Task/" + task.getIdPart());
    }
    Task closed = task.setStatus(Task.TaskStatus.fromCode(status));
    List<OperationOutcomeIssueComponent> issues = refused("task-closed-with-outcome", () -> update(closed));
    assertThat(issues.get(0).getExpression().get(0).getValue()).isEqualTo(element);
  }

  static Stream<Arguments> invalidResponses() {
    return Stream.of(
        Arguments.of("an item the form does not have", "phq-9", "44250-9x",
            (Consumer<QuestionnaireResponse>) response -> answer(response, "44250-9").setLinkId("44250-9x")),
        Arguments.of("a string for a choice", "phq-9", "44255-8",
            (Consumer<QuestionnaireResponse>) response -> answer(response, "44255-8").getAnswerFirstRep()
                .setValue(new StringType("often"))),
        Arguments.of("a code that is not an answer option", "phq-9", "44259-0",
            (Consumer<QuestionnaireResponse>) response -> answer(response, "44259-0").getAnswerFirstRep()
                .getValueCoding().setCode("LA6572-7")),
        Arguments.of("two answers to a single-answer item", "phq-9", "44254-1",
            (Consumer<QuestionnaireResponse>) response -> answer(response, "44254-1")
                .addAnswer(answer(response, "44254-1").getAnswerFirstRep().copy())),
        Arguments.of("a total that disagrees with the answers", "phq-9", "44261-6",
            (Consumer<QuestionnaireResponse>) response -> answer(response, "44261-6").getAnswerFirstRep()
                .setValue(new IntegerType(10))),
        Arguments.of("a count below its minimum", "screening", "psych-hospitalizations-12m",
            (Consumer<QuestionnaireResponse>) response -> answer(response, "psych-hospitalizations-12m")
                .getAnswerFirstRep().setValue(new IntegerType(-1))),
        Arguments.of("a state that is not a USPS code", "screening", "state",
            (Consumer<QuestionnaireResponse>) response -> answer(response, "state").getAnswerFirstRep()
                .setValue(new StringType("Illinois"))));
  }

  @ParameterizedTest(name = "a response with {0} is refused, naming the item")
  @MethodSource("invalidResponses")
  void assessmentAnswersFitTheirForm(String what, String form, String linkId, Consumer<QuestionnaireResponse> change) {
    String client = create(newClient(uniqueValue()));
    QuestionnaireResponse response = "phq-9".equals(form) ? phq9(client) : screening(client);
    change.accept(response);
    List<OperationOutcomeIssueComponent> issues = refused("assessment-response-valid", () -> create(response));
    assertThat(issues).anySatisfy(issue -> {
      assertThat(issue.getDetails().getText()).startsWith("item " + linkId + " ");
      assertThat(issue.getExpression().get(0).getValue()).contains("'" + linkId + "'");
    });
  }

  @Test
  void aCompletedAssessmentAnswersEveryRequiredItem() {
    String client = create(newClient(uniqueValue()));
    QuestionnaireResponse phq9 = phq9(client);
    phq9.getItem().removeIf(item -> item.getLinkId().equals("44260-8") || item.getLinkId().equals("44261-6"));
    List<OperationOutcomeIssueComponent> issues = refused("assessment-response-complete", () -> create(phq9));
    assertThat(issues).singleElement().satisfies(issue ->
        assertThat(issue.getDetails().getText()).startsWith("item 44260-8 ").contains("is required"));

    QuestionnaireResponse screening = screening(client);
    answer(screening, "living-situation").getItem().removeIf(item -> item.getLinkId().equals("housing-situation"));
    refused("assessment-response-complete", () -> create(screening));

    // In progress, a response may leave items for later; it is kept and not scored.
    String unfinished = create(phq9.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS));
    assertThat(search(org.hl7.fhir.r4.model.Observation.class, "Observation?derived-from=" + unfinished)).isEmpty();
  }

  static Stream<Arguments> dischargesWithoutReason() {
    return Stream.of(
        Arguments.of("no discharge reason", "EpisodeOfCare.extension",
            (Consumer<EpisodeOfCare>) enrollment -> enrollment.getExtension().clear()),
        Arguments.of("no end date", "EpisodeOfCare.period.end",
            (Consumer<EpisodeOfCare>) enrollment -> enrollment.getPeriod().setEnd(null)));
  }

  @ParameterizedTest(name = "a discharge with {0} is refused")
  @MethodSource("dischargesWithoutReason")
  void aDischargeRecordsItsReason(String what, String element, Consumer<EpisodeOfCare> change) {
    String client = create(newClient(uniqueValue()));
    String enrollment = create(enrollment(client, SMI_PROGRAM, today.minusDays(30))
        .setStatus(EpisodeOfCare.EpisodeOfCareStatus.WAITLIST));
    EpisodeOfCare finished = discharged(read(EpisodeOfCare.class, enrollment), "declined", today);
    change.accept(finished);
    List<OperationOutcomeIssueComponent> issues = refused("discharge-requires-reason", () -> update(finished));
    assertThat(issues.get(0).getExpression().get(0).getValue()).startsWith(element);
  }

  /** The Task the server opened for a new referral of the type given (housing: out; case-management: in). */
  private Task referralTask(String client, String referralType) {
    var referral = housingReferral(client);
    if ("case-management".equals(referralType)) {
      referral = caseManagementReferral(client);
    }
    String id = create(referral);
    return single(Task.class, "Task?focus=" + id);
  }

  /** Gives a Task the outcome its new status needs, so that only the move itself is judged. */
  private static Task closable(Task task) {
    if (task.getStatus() == Task.TaskStatus.COMPLETED) {
      task.addOutput().setType(new CodeableConcept().setText("Outcome")).setValue(new StringType("done"));
    } else {
      task.setStatusReason(new CodeableConcept(new Coding()).setText("Client asked to stop"));
    }
    return task;
  }
}
