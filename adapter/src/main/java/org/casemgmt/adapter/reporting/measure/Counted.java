package org.casemgmt.adapter.reporting.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One thing a measure counts in one of its groups: a discharge, an enrollment or an episode before or during it, a
 * determination, a plan. Every kind of measure comes down to these, so one report builder serves them all.
 *
 * @param group the id of the group it is counted in
 * @param client "Patient/12"
 * @param program the program it falls under (a stratum), or null
 * @param caseManager the case manager it falls under (a stratum), or null
 * @param populations the codes of the group's populations it is in
 * @param value what the group's score is made of besides counts (days enrolled, days from referral to plan), or null
 * @param day the day a subject list shows for it
 * @param detail what a subject list says of it ("Encounter/5 discharged 2026-11-28; 3 day(s) left...")
 */
record Counted(String group, String client, String program, String caseManager, Set<String> populations,
    BigDecimal value, LocalDate day, String detail) {

  boolean in(String population) {
    return populations.contains(population);
  }
}
