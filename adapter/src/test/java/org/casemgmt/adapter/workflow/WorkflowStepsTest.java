package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the server does by itself inside the writer's transaction: scores follow their response through amendment and
 * retraction, a screening without a referral is evaluated under the default programs, a transaction Bundle is judged
 * as a whole (what it writes together counts), and a refused one leaves nothing behind.
 */
class WorkflowStepsTest extends WorkflowTest {

  @BeforeEach
  void setUp() {
    staff();
  }

  @Test
  void anAmendedAssessmentIsScoredAgainAndARetractedOneRetractsItsScores() {
    String client = create(newClient(uniqueValue()));
    String phq9 = create(phq9(client));
    Observation first = single(Observation.class, "Observation?derived-from=" + phq9);
    assertThat(first.getValueIntegerType().getValue()).isEqualTo(12);

    // Item 9 becomes "several days": the total is 13, and the response says so.
    QuestionnaireResponse amended = read(QuestionnaireResponse.class, phq9);
    answer(amended, "44260-8").getAnswerFirstRep().getValueCoding().setCode("LA6569-3").setDisplay(null);
    answer(amended, "44261-6").getAnswerFirstRep().setValue(new IntegerType(13));
    update(amended.setStatus(QuestionnaireResponseStatus.AMENDED));
    Observation rescored = read(Observation.class, "Observation/" + first.getIdPart());
    assertThat(rescored.getValueIntegerType().getValue()).isEqualTo(13);
    assertThat(rescored.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
    assertThat(rescored.getMeta().getVersionId()).isEqualTo("2");

    update(read(QuestionnaireResponse.class, phq9).setStatus(QuestionnaireResponseStatus.ENTEREDINERROR));
    assertThat(read(Observation.class, "Observation/" + first.getIdPart()).getStatus())
        .isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
  }

  @Test
  void aScreeningWithoutAReferralIsEvaluatedUnderTheDefaultPrograms() {
    String client = eligibleClient();
    create(screening(client));

    Observation determination = await("the determination", () -> search(Observation.class,
        "Observation?subject=" + client + "&program=" + SMI_PROGRAM).stream().findFirst());
    assertThat(determination.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("eligible");
  }

  @Test
  void aGoalAnApprovedIspAndTheCaseManagersTeamCanBeWrittenInOneTransaction() {
    String client = create(newClient(uniqueValue()));
    Goal goal = goal(client);
    CarePlan isp = approved(draftIsp(client, List.of(), List.of()), client)
        .setStatus(CarePlan.CarePlanStatus.ACTIVE);
    isp.addGoal(new Reference("urn:uuid:goal"));
    CareTeam team = team(client, caseManager);
    Bundle transaction = transaction(entry("urn:uuid:goal", goal), entry("urn:uuid:isp", isp),
        entry("urn:uuid:team", team));

    Bundle response = fhir().transaction().withBundle(transaction).execute();

    assertThat(response.getEntry()).extracting(entry -> entry.getResponse().getStatus())
        .containsOnly("201 Created");
  }

  @Test
  void aTransactionThatBreaksARuleWritesNothing() {
    String client = create(newClient(uniqueValue()));
    String identifier = uniqueValue();
    ServiceRequest referral = caseManagementReferral(client);
    referral.addIdentifier().setSystem("https://pcp.example.org/sid/referral").setValue(identifier);
    QuestionnaireResponse incomplete = phq9(client);
    incomplete.getItem().removeIf(item -> item.getLinkId().equals("44260-8") || item.getLinkId().equals("44261-6"));

    refused("assessment-response-complete", () -> fhir().transaction()
        .withBundle(transaction(entry("urn:uuid:referral", referral), entry("urn:uuid:phq9", incomplete)))
        .execute());

    assertThat(search(ServiceRequest.class, "ServiceRequest?identifier=" + identifier)).isEmpty();
    assertThat(search(Task.class, "Task?patient=" + client)).isEmpty();
  }

  private static Bundle transaction(Bundle.BundleEntryComponent... entries) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Bundle.BundleEntryComponent entry : entries) {
      bundle.addEntry(entry);
    }
    return bundle;
  }

  private static Bundle.BundleEntryComponent entry(String fullUrl, Resource resource) {
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setFullUrl(fullUrl).setResource(resource);
    entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
    return entry;
  }
}
