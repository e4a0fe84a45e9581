package org.casemgmt.adapter.eligibility.record;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * What the store holds about one client that eligibility may read, as read: the surviving Patient and the resources
 * in its compartment (a merge has moved those of the clients it replaced), and the diagnoses on the claims of every
 * Medicaid member id the client has held.
 */
record ClientRecord(
    Patient client,
    List<Encounter> encounters,
    List<Condition> conditions,
    List<Coverage> coverages,
    List<Observation> scores,
    List<QuestionnaireResponse> responses,
    List<BilledDiagnosis> claimDiagnoses) {

  ClientRecord {
    encounters = List.copyOf(encounters);
    conditions = List.copyOf(conditions);
    coverages = List.copyOf(coverages);
    scores = List.copyOf(scores);
    responses = List.copyOf(responses);
    claimDiagnoses = List.copyOf(claimDiagnoses);
  }
}
