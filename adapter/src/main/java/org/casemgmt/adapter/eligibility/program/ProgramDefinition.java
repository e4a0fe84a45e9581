package org.casemgmt.adapter.eligibility.program;

import java.time.Period;
import java.util.List;

/**
 * One program's eligibility rules. Every criterion in {@code criteria} is required (they are combined with all-of).
 *
 * @param id code in {@link #PROGRAM_CODE_SYSTEM}; also the key clients are evaluated under
 * @param version the rule version recorded with each determination (method.coding.version)
 * @param validFor how long a determination holds at most
 * @param countDeniedClaims whether services and diagnoses on denied claims count
 * @param source the file the definition was read from, for messages
 */
public record ProgramDefinition(String id, String title, String version, String description, Period validFor,
    boolean countDeniedClaims, List<Criterion> criteria, String source) {

  /** Program ids are codes of this system; its content is not-present because the ids come from config/programs. */
  public static final String PROGRAM_CODE_SYSTEM = "https://fhir.casemgmt-adapter.org/CodeSystem/program";

  public ProgramDefinition {
    criteria = List.copyOf(criteria);
  }
}
