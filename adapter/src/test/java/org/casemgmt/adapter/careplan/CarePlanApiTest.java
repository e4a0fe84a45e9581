package org.casemgmt.adapter.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/**
 * EHRs read, search and write Individualized Service Plans through the FHIR API: a conditional update on the plan's
 * identifier keeps their writes idempotent, the searches they need are indexed, and a plan that claims the ISP
 * profile is held to it.
 */
class CarePlanApiTest extends FhirServerTest {
  private static final String EHR_PLANS = "urn:oid:2.16.840.1.113883.19.5.77";

  @Test
  void anEhrWritingTheSamePlanTwiceByIdentifierLeavesOnePlanAtTheSameVersion() {
    String client = client();
    String planId = uniqueValue();
    CarePlan plan = Isps.approvedAndActive(Isps.draft(client, List.of(goal(client))), client);
    plan.addIdentifier().setSystem(EHR_PLANS).setValue(planId);
    String byIdentifier = "CarePlan?identifier=" + EHR_PLANS + "|" + planId;

    MethodOutcome first = fhir().update().resource(plan).conditionalByUrl(byIdentifier).execute();
    MethodOutcome second = fhir().update().resource(plan).conditionalByUrl(byIdentifier).execute();

    assertThat(first.getCreated()).isTrue();
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    // HAPI sees that nothing changed and keeps the version: the same body twice is not a new version.
    assertThat(second.getId().getVersionIdPart()).isEqualTo("1");
    assertThat(search(CarePlan.class, byIdentifier)).hasSize(1);

    plan.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-09-01"));
    MethodOutcome changed = fhir().update().resource(plan).conditionalByUrl(byIdentifier).execute();
    assertThat(changed.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(changed.getId().getVersionIdPart()).isEqualTo("2");
  }

  @Test
  void plansAreFoundByClientStatusIdentifierAndApproval() {
    String client = client();
    String other = client();
    String activeId = uniqueValue();
    CarePlan active = Isps.approvedAndActive(Isps.draft(client, List.of(goal(client))), client);
    active.addIdentifier().setSystem(EHR_PLANS).setValue(activeId);
    fhir().create().resource(active).execute();
    fhir().create().resource(Isps.draft(client, List.of())).execute();
    fhir().create().resource(Isps.approvedAndActive(Isps.draft(other, List.of(goal(other))), other)).execute();

    assertThat(search(CarePlan.class, "CarePlan?patient=" + client)).hasSize(2);
    assertThat(search(CarePlan.class, "CarePlan?subject=" + client + "&status=active"))
        .extracting(plan -> plan.getIdentifierFirstRep().getValue()).containsExactly(activeId);
    assertThat(search(CarePlan.class, "CarePlan?patient=" + client + "&status=draft")).hasSize(1);
    assertThat(search(CarePlan.class, "CarePlan?identifier=" + EHR_PLANS + "|" + activeId)).hasSize(1);
    assertThat(search(CarePlan.class, "CarePlan?patient=" + client
        + "&category=https://fhir.casemgmt-adapter.org/CodeSystem/case-management|isp&approved=ge2026-03-01"))
        .hasSize(1);
  }

  @Test
  void anEhrWritingAnIspThatBreaksTheProfileIsRefusedWith422AndNothingIsStored() {
    String client = client();
    String planId = uniqueValue();
    CarePlan plan = Isps.draft(client, List.of());
    plan.addIdentifier().setSystem(EHR_PLANS).setValue(planId);
    plan.getCategory().remove(1); // without the ISP category
    plan.setPeriod(null); // and without the period the plan takes effect in
    String byIdentifier = "CarePlan?identifier=" + EHR_PLANS + "|" + planId;

    assertThatThrownBy(() -> fhir().update().resource(plan).conditionalByUrl(byIdentifier).execute())
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
          OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
          assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
              .anySatisfy(text -> assertThat(text).contains("cm-isp-1"))
              .anySatisfy(text -> assertThat(text).contains("CarePlan.period: minimum required = 1"));
        });
    assertThat(search(CarePlan.class, byIdentifier)).isEmpty();
  }

  @Test
  void aSearchOnAParameterOutsideThePolicyIsRefusedWithTheReason() {
    assertThatThrownBy(() -> search(CarePlan.class, "CarePlan?instantiates-canonical=http://example.org/pd"))
        .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.InvalidRequestException.class)
        .hasMessageContaining("instantiates-canonical");
  }

  private String goal(String client) {
    return "Goal/" + fhir().create().resource(Isps.goal(client)).execute().getId().getIdPart();
  }

  private String client() {
    return "Patient/" + fhir().create().resource(newClient(uniqueValue())).execute().getId().getIdPart();
  }
}
