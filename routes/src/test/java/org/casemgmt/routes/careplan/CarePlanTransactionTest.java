package org.casemgmt.routes.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The transaction that carries a plan to an EHR: conditional updates on identifiers of ours, references the EHR can
 * resolve without knowing our resource ids.
 */
class CarePlanTransactionTest {
  private static final String OURS = "https://agency.example/sid/isp";
  private static final String MRN = "urn:oid:1.2.3.4.5.1";
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String ISP = "https://fhir.casemgmt-adapter.org/StructureDefinition/isp";
  private static final String APPROVAL = "https://fhir.casemgmt-adapter.org/StructureDefinition/isp-approval";

  private final CarePlanTransaction transaction = new CarePlanTransaction(FhirContext.forR4Cached(), OURS);

  @Test
  void goalsThenThePlanEachAConditionalUpdateOnOurIdentifier() {
    Bundle sent = transaction.of(content(), MEDICAID);

    assertThat(sent.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(sent.getEntry()).extracting(entry -> entry.getRequest().getMethod().toCode() + " "
        + entry.getRequest().getUrl())
        .containsExactly("PUT Goal?identifier=" + OURS + "-goal|2", "PUT CarePlan?identifier=" + OURS + "|7");
    CarePlan plan = (CarePlan) sent.getEntry().get(1).getResource();
    assertThat(plan.getIdElement().isEmpty()).as("no id of ours").isTrue();
    assertThat(plan.getMeta().getVersionId()).isNull();
    assertThat(plan.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(ISP);
    assertThat(plan.getIdentifier()).extracting(id -> id.getSystem() + "|" + id.getValue())
        .containsExactly("urn:ehr:plans|P-1", OURS + "|7");
    assertThat(plan.getGoalFirstRep().getReference()).isEqualTo(sent.getEntry().get(0).getFullUrl())
        .startsWith("urn:uuid:");
    assertThat(((Goal) sent.getEntry().get(0).getResource()).getIdentifierFirstRep().getValue()).isEqualTo("2");
  }

  @Test
  void theClientIsNamedInTheEhrsIdentifierSystemOrElseByTheirFirstIdentifier() {
    CarePlan forMedicaid = plan(transaction.of(content(), MEDICAID));
    CarePlan forAnyone = plan(transaction.of(content(), null));

    assertThat(forMedicaid.getSubject().hasReference()).isFalse();
    assertThat(forMedicaid.getSubject().getType()).isEqualTo("Patient");
    assertThat(forMedicaid.getSubject().getIdentifier().getSystem()).isEqualTo(MEDICAID);
    Reference approver = (Reference) forMedicaid.getExtensionByUrl(APPROVAL).getExtensionByUrl("approver").getValue();
    assertThat(approver.getIdentifier().getValue()).isEqualTo("MCD-456");
    assertThat(forAnyone.getSubject().getIdentifier().getSystem()).isEqualTo(MRN);
  }

  @Test
  void otherResourcesAreNamedByIdentifierOrByTypeAlone() {
    CarePlan plan = plan(transaction.of(content(), MEDICAID));

    assertThat(plan.getAddressesFirstRep().hasReference()).isFalse();
    assertThat(plan.getAddressesFirstRep().getIdentifier().getValue()).isEqualTo("DX-9");
    Reference team = plan.getCareTeamFirstRep();
    assertThat(team.hasReference()).isFalse();
    assertThat(team.hasIdentifier()).isFalse();
    assertThat(team.getType()).isEqualTo("CareTeam");
    assertThat(team.getDisplay()).isEqualTo("Community support team");
  }

  @Test
  void theStoredPlanIsLeftAsItWas() {
    CarePlanContent content = content();
    transaction.of(content, MEDICAID);

    assertThat(content.plan().getSubject().getReference()).isEqualTo("Patient/1");
    assertThat(content.plan().getIdElement().getIdPart()).isEqualTo("7");
  }

  private static CarePlan plan(Bundle sent) {
    return (CarePlan) sent.getEntry().get(sent.getEntry().size() - 1).getResource();
  }

  /** Plan 7 (version 3) of client 1, with goal 2, addressing diagnosis 9, with care team 5 (no identifier). */
  private static CarePlanContent content() {
    CarePlan plan = new CarePlan();
    plan.setId("CarePlan/7/_history/3");
    plan.getMeta().addProfile(ISP).setVersionId("3");
    plan.addIdentifier().setSystem("urn:ehr:plans").setValue("P-1");
    plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
    plan.setSubject(new Reference("Patient/1"));
    plan.addGoal(new Reference("Goal/2"));
    plan.addAddresses(new Reference("Condition/9"));
    plan.addCareTeam(new Reference("CareTeam/5").setDisplay("Community support team"));
    plan.addExtension().setUrl(APPROVAL).addExtension("approver", new Reference("Patient/1"));
    Goal goal = new Goal();
    goal.setId("Goal/2/_history/1");
    goal.setSubject(new Reference("Patient/1"));
    return new CarePlanContent(plan, List.of(goal), Map.of(
        "Patient/1", List.of(new Identifier().setSystem(MRN).setValue("MRN-123"),
            new Identifier().setSystem(MEDICAID).setValue("MCD-456")),
        "Condition/9", List.of(new Identifier().setSystem("urn:dx").setValue("DX-9")),
        "CareTeam/5", List.of()));
  }
}
