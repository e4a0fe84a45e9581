package org.casemgmt.adapter.eligibility.current;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Which writes are evidence about which client, and which are the evaluation's own output. */
class EvidenceSubjectsTest {
  private static final Reference CLIENT = new Reference("Patient/12");

  @Test
  void theRecordsTheEngineReadsAreEvidenceAboutTheirPatient() {
    assertThat(EvidenceSubjects.clientOf(new Patient().setId("12"))).contains("12");
    assertThat(EvidenceSubjects.clientOf(new Encounter().setSubject(CLIENT))).contains("12");
    assertThat(EvidenceSubjects.clientOf(new Condition().setSubject(CLIENT))).contains("12");
    assertThat(EvidenceSubjects.clientOf(new Coverage().setBeneficiary(CLIENT))).contains("12");
    assertThat(EvidenceSubjects.clientOf(new Observation().setSubject(CLIENT))).contains("12");
    assertThat(EvidenceSubjects.clientOf(new QuestionnaireResponse().setSubject(CLIENT))).contains("12");
  }

  @Test
  void theDeterminationAndImpairmentEvidenceAnEvaluationWritesAreNotEvidence() {
    Observation determination = new Observation().setSubject(CLIENT);
    determination.addIdentifier().setSystem("https://fhir.casemgmt-adapter.org/sid/eligibility-determination")
        .setValue("claims-driven-tailored/12");
    Observation impairment = new Observation().setSubject(CLIENT);
    impairment.addIdentifier().setSystem("https://fhir.casemgmt-adapter.org/sid/impairment-evidence")
        .setValue("claims-driven-tailored/12/psych-inpatient-episodes/P24M");

    assertThat(EvidenceSubjects.clientOf(determination)).isEmpty();
    assertThat(EvidenceSubjects.clientOf(impairment)).isEmpty();
    assertThat(EvidenceSubjects.clientOf(new Provenance().addTarget(CLIENT))).isEmpty();
  }

  @Test
  void otherResourcesAndSubjectsThatAreNoPatientAreNotEvidence() {
    assertThat(EvidenceSubjects.clientOf(new CarePlan().setSubject(CLIENT))).isEmpty();
    assertThat(EvidenceSubjects.clientOf(new Observation().setSubject(new Reference("Group/3")))).isEmpty();
    assertThat(EvidenceSubjects.clientOf(new Encounter())).isEmpty();
    assertThat(EvidenceSubjects.clientOf(new Group())).isEmpty();
  }
}
