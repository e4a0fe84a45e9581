package org.casemgmt.adapter.eligibility.determination;

import org.hl7.fhir.r4.model.IdType;

/**
 * What became of one client's evaluation.
 *
 * @param client the Patient reference ("Patient/12")
 * @param determination the determination as stored, versioned: the new version, or the stored one when nothing
 *     changed
 * @param written whether this evaluation wrote a new version
 * @param outcome the determination's outcome code (eligible, not-eligible, insufficient-information)
 */
public record RecordedDetermination(String client, IdType determination, boolean written, String outcome) {
}
