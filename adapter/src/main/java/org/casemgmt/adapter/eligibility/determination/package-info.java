/**
 * Determinations as FHIR: the engine's result for one client and one program recorded as an eligibility-determination
 * Observation (a new version whenever it changes, under an identifier per client and program), impairment-evidence
 * Observations for the measures it judged, and a Provenance naming the evidence; and the
 * {@code Patient/{id}/$evaluate-eligibility} operation that runs an evaluation on request.
 */
package org.casemgmt.adapter.eligibility.determination;
