package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casemgmt.adapter.reporting.ProgramGroups;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * One client walked from referral to discharge through the FHIR API, each stage doing what the seed describes:
 * the referral opens a screening Task, the screening makes an eligibility determination, the assessments are scored,
 * the ISP is drafted, approved and activated, the client is enrolled and assigned a case manager, referrals are
 * followed to their outcome and reassessments fall due, and the discharge closes the plan with an outcome summary.
 */
class CareCoordinationScenarioTest extends WorkflowTest {
  private static final String LOINC = "http://loinc.org";
  private static final String FUNCTIONAL = "https://fhir.casemgmt-adapter.org/CodeSystem/functional-assessment";

  @Test
  void aClientGoesFromReferralToDischargeWithAnOutcomeSummary() {
    staff();
    String client = eligibleClient();
    LocalDate enrolled = today.minusDays(100);
    // Psychiatric service use: two stays and a crisis in the year before enrollment, one crisis during it.
    String firstStay = episode(client, "psychiatric-inpatient", enrolled.minusDays(200));
    String secondStay = episode(client, "psychiatric-inpatient", enrolled.minusDays(40));
    episode(client, "crisis-service", enrolled.minusDays(20));
    String crisisDuring = episode(client, "crisis-service", today.minusDays(30));

    // 1. Referral: a PCP refers the client to the agency; the server opens a Task to screen them.
    String referral = create(caseManagementReferral(client));
    Task screeningTask = single(Task.class, "Task?focus=" + referral);
    assertThat(screeningTask.getCode().getCodingFirstRep().getCode()).isEqualTo("screening");
    assertThat(screeningTask.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(screeningTask.getOwner().getReference()).isEqualTo(agency);
    assertThat(screeningTask.getFor().getReference()).isEqualTo(client);
    assertThat(screeningTask.getRestriction().getPeriod().getEndElement().getValueAsString())
        .isEqualTo(today.plusDays(14).toString());

    // 2. Screening: the response closes the Task and the client is evaluated under the referral's program.
    String screening = create(screening(client));
    Task screened = read(Task.class, "Task/" + screeningTask.getIdPart());
    assertThat(screened.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    assertThat(((Reference) screened.getOutputFirstRep().getValue()).getReference()).isEqualTo(screening);
    Observation determination = await("the determination", () -> search(Observation.class,
        "Observation?subject=" + client + "&program=" + SMI_PROGRAM).stream().findFirst());
    assertThat(determination.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("eligible");

    // 3. Assessments: the server scores the PHQ-9 and the functional assessment; the intake is kept as given.
    String phq9 = create(phq9(client));
    Observation total = single(Observation.class, "Observation?derived-from=" + phq9);
    assertThat(total.getCode().getCodingFirstRep().getSystem()).isEqualTo(LOINC);
    assertThat(total.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
    assertThat(total.getValueIntegerType().getValue()).isEqualTo(12);
    assertThat(total.getInterpretationFirstRep().getText()).isEqualTo("Moderate depression (PHQ-9 total 10-14)");
    assertThat(total.getSubject().getReference()).isEqualTo(client);
    String functional = create(functionalAssessment(client));
    Map<String, String> scores = search(Observation.class, "Observation?derived-from=" + functional + "&_count=50")
        .stream().collect(Collectors.toMap(score -> score.getCode().getCodingFirstRep().getCode(),
            score -> score.getValue().primitiveValue() == null ? score.getValueQuantity().getValue().toPlainString()
                : score.getValue().primitiveValue()));
    assertThat(scores).containsEntry("total-score", "26").containsEntry("mean-score", "3.25")
        .containsEntry("domains-needing-support", "2").containsEntry("housing-stability", "2")
        .containsEntry("safety", "5").hasSize(11);
    String intake = create(intake(client));
    assertThat(search(Observation.class, "Observation?derived-from=" + intake)).isEmpty();

    // 4. The ISP: drafted with a measurable goal and a housing referral (which opens its fulfilment Task).
    String goal = create(goal(client));
    String housing = create(housingReferral(client));
    Task housingTask = single(Task.class, "Task?focus=" + housing);
    assertThat(housingTask.getCode().getCodingFirstRep().getCode()).isEqualTo("fulfill");
    assertThat(housingTask.getOwner().getReference()).isEqualTo(housingProvider);
    String isp = create(draftIsp(client, List.of(goal), List.of(housing)));

    // The client approves it, and it becomes active.
    CarePlan plan = read(CarePlan.class, isp);
    update(approved(plan, client));
    plan = read(CarePlan.class, isp);
    plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
    update(plan);
    assertThat(search(CarePlan.class, "CarePlan?subject=" + client + "&status=active&approved=" + today))
        .extracting(found -> found.getIdElement().toUnqualifiedVersionless().getValue()).containsExactly(isp);

    // 5. Enrollment (backdated 100 days) opens the first reassessment, due 90 days after the start: overdue.
    String enrollment = create(enrollment(client, SMI_PROGRAM, enrolled));
    // The program's Group (what state reports and exports name) holds the client from now on.
    assertThat(programMembers()).contains(client);
    Task reassessment = single(Task.class, "Task?focus=" + enrollment + "&code=" + CM + "|reassessment");
    assertThat(reassessment.getRestriction().getPeriod().getEndElement().getValueAsString())
        .isEqualTo(enrolled.plusDays(90).toString());
    assertThat(reassessment.hasOwner()).isFalse();

    // Assignment: the case manager's team; the open reassessment becomes theirs, and shows as overdue work.
    String team = create(team(client, caseManager));
    EpisodeOfCare episode = read(EpisodeOfCare.class, enrollment);
    episode.setCareManager(new Reference(caseManager)).setTeam(List.of(new Reference(team)));
    update(episode);
    String overdue = "Task?owner=" + caseManager + "&status=requested,accepted,in-progress&due=lt" + today;
    assertThat(ids(fresh(Task.class, overdue))).containsExactly("Task/" + reassessment.getIdPart());

    // 6. Monitoring: the housing referral moves to its outcome, contacts are recorded, the goal progresses.
    for (Task.TaskStatus next : List.of(Task.TaskStatus.ACCEPTED, Task.TaskStatus.INPROGRESS)) {
      housingTask = read(Task.class, "Task/" + housingTask.getIdPart());
      update(housingTask.setStatus(next));
    }
    housingTask = read(Task.class, "Task/" + housingTask.getIdPart());
    housingTask.setStatus(Task.TaskStatus.COMPLETED).setBusinessStatus(new CodeableConcept().setText("Housed"))
        .addOutput().setType(new CodeableConcept().setText("Outcome"))
        .setValue(new CodeableConcept().setText("Moved into supportive housing"));
    update(housingTask);
    assertThat(read(Task.class, "Task/" + housingTask.getIdPart()).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    String contact = create(contact(client, enrollment));
    create(new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
        .setSubject(new Reference(client)).setSender(new Reference(caseManager))
        .addRecipient(new Reference(client)).setSentElement(new DateTimeType(today.toString()))
        .addPayload(new Communication.CommunicationPayloadComponent().setContent(
            new org.hl7.fhir.r4.model.StringType("Reminder of Tuesday's housing appointment"))));
    assertThat(ids(search(Encounter.class, "Encounter?episode-of-care=" + enrollment))).containsExactly(contact);
    Goal progress = read(Goal.class, goal);
    progress.setAchievementStatus(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/goal-achievement", "improving", "Improving")));
    update(progress);
    assertThat(read(Goal.class, goal).getMeta().getVersionId()).isEqualTo("2");

    // The reassessment is done (a new functional assessment); the next one falls due 90 days from today.
    String reassessed = create(functionalAssessment(client));
    reassessment = read(Task.class, "Task/" + reassessment.getIdPart());
    reassessment.setStatus(Task.TaskStatus.COMPLETED).addOutput().setType(new CodeableConcept().setText("Assessment"))
        .setValue(new Reference(reassessed));
    update(reassessment);
    Task nextReassessment = single(Task.class, "Task?focus=" + enrollment + "&code=" + CM
        + "|reassessment&status=requested");
    assertThat(nextReassessment.getRestriction().getPeriod().getEndElement().getValueAsString())
        .isEqualTo(today.plusDays(90).toString());
    assertThat(nextReassessment.getOwner().getReference()).isEqualTo(caseManager);
    assertThat(fresh(Task.class, overdue)).isEmpty();

    // 7. Discharge: goals met. The plan is completed, the team stood down, the open reassessment cancelled, and the
    // outcome summary compares the year before enrollment with the enrollment.
    update(discharged(read(EpisodeOfCare.class, enrollment), "goals-met", today));
    assertThat(programMembers()).doesNotContain(client);
    assertThat(read(CarePlan.class, isp).getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
    assertThat(read(CareTeam.class, team).getStatus()).isEqualTo(CareTeam.CareTeamStatus.INACTIVE);
    Task cancelled = read(Task.class, "Task/" + nextReassessment.getIdPart());
    assertThat(cancelled.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
    assertThat(cancelled.getStatusReason().getText()).isEqualTo("Client discharged (goals-met)");
    Observation outcome = single(Observation.class, "Observation?subject=" + client + "&code=" + CM
        + "|enrollment-outcome");
    assertThat(outcome.getFocusFirstRep().getReference()).isEqualTo(enrollment);
    assertThat(outcome.getEffectivePeriod().getStartElement().getValueAsString())
        .isEqualTo(enrolled.minusMonths(12).toString());
    assertThat(outcome.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo(today.toString());
    assertThat(components(outcome)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "psych-inpatient-episodes-before-enrollment", 2, "psych-inpatient-episodes-during-enrollment", 0,
        "psych-ed-visits-before-enrollment", 0, "psych-ed-visits-during-enrollment", 0,
        "crisis-episodes-before-enrollment", 1, "crisis-episodes-during-enrollment", 1));
    Provenance provenance = single(Provenance.class, "Provenance?target=Observation/" + outcome.getIdPart());
    assertThat(provenance.getEntity()).extracting(entity -> entity.getWhat().getReference())
        .contains(firstStay, secondStay, crisisDuring).hasSize(4);
  }

  private List<String> programMembers() {
    Group program = read(Group.class, "Group/" + ProgramGroups.groupId(SMI_PROGRAM));
    assertThat(program.getMeta().getTag()).extracting(Coding::getCode).containsExactly("program");
    return program.getMember().stream().map(member -> member.getEntity().getReference()).toList();
  }

  private Encounter contact(String client, String enrollment) {
    Encounter contact = new Encounter();
    contact.setStatus(Encounter.EncounterStatus.FINISHED);
    contact.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "FLD", "field"));
    contact.addType(new CodeableConcept().setText("Case-management contact, in the community"));
    contact.setSubject(new Reference(client)).addEpisodeOfCare(new Reference(enrollment));
    contact.addParticipant().setIndividual(new Reference(caseManager));
    contact.getPeriod().setStartElement(new DateTimeType(today + "T14:00:00-06:00"))
        .setEndElement(new DateTimeType(today + "T14:45:00-06:00"));
    return contact;
  }

  private static Map<String, Integer> components(Observation outcome) {
    return outcome.getComponent().stream().collect(Collectors.toMap(
        component -> component.getCode().getCodingFirstRep().getCode(),
        component -> component.getValueIntegerType().getValue()));
  }

  private static List<String> ids(List<? extends org.hl7.fhir.r4.model.Resource> found) {
    return found.stream().map(resource -> resource.getIdElement().toUnqualifiedVersionless().getValue()).toList();
  }
}
