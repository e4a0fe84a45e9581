/**
 * The integration shell of eligibility: what the client record holds (Encounters and Conditions from the ADT and claims
 * feeds, claim diagnoses from the claims staging tables, Coverage, the Patient's addresses, assessment scores and
 * screening answers) read from the store and turned into the engine's evidence model. The mapping from resources to
 * facts is plain functions over HAPI model objects, tested without a server; only {@link
 * org.casemgmt.adapter.eligibility.record.ClientRecordReader} and {@code StagedClaimDiagnoses} touch storage.
 */
package org.casemgmt.adapter.eligibility.record;
