package org.casemgmt.adapter.eligibility;

import java.time.LocalDate;

/**
 * One fact a criterion was judged on, for the determination's Provenance and for people reading it.
 *
 * @param reference the record the fact came from, e.g. "Encounter/123"
 * @param date the fact's date (service, start, assessment)
 * @param fact what it showed, e.g. "psychiatric inpatient episode" or "F20.9 on an outpatient claim"
 */
public record EvidenceUsed(String reference, LocalDate date, String fact) {}
