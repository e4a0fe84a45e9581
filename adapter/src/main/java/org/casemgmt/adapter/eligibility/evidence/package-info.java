/**
 * What the eligibility engine knows about one client: plain facts with dates and the reference of the record each
 * came from ("Encounter/123", "ExplanationOfBenefit/9"), filled in by the shell from FHIR resources, claims and
 * enrollment. Nothing here reads a database or knows FHIR types, so rules can be tested with literal facts.
 */
package org.casemgmt.adapter.eligibility.evidence;
