/**
 * The integration shell of eligibility: what the client record holds (Encounters and Conditions from the ADT and claims
 * feeds, Coverage, the Patient's addresses, assessment scores and screening answers) read from the store, and the
 * diagnoses on the client's claims asked of the claims feed through {@link
 * org.casemgmt.adapter.eligibility.record.ClaimDiagnoses}, turned into the engine's evidence model. The mapping from
 * resources to facts is plain functions over HAPI model objects, tested without a server; only {@link
 * org.casemgmt.adapter.eligibility.record.ClientRecordReader} touches storage, and eligibility never reads the claims
 * staging tables.
 */
package org.casemgmt.adapter.eligibility.record;
