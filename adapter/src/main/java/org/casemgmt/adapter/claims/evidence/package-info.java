/**
 * Evidence from Medicaid claims: one member's claims in force become psychiatric inpatient episodes, emergency
 * visits, crisis episodes, outpatient mental-health visits (follow-up evidence, which eligibility does not count) and
 * the diagnoses the claims carry. {@code ClaimEvidenceRules} is plain Java over
 * {@link org.casemgmt.routes.claims.Claim} records (no storage, no FHIR server); the code lists and numbers it reads
 * are a {@code ClaimEvidencePolicy}, built at start-up from {@code config/claims-evidence.yml} and the implementation
 * guide's value sets. Each episode names the providers of its claims, and says whether one of them shows a
 * substance-use program's service ({@code SubstanceUseSignals}, from {@code config/part2.yml}).
 */
package org.casemgmt.adapter.claims.evidence;
