package org.casemgmt.adapter.eligibility.program;

import java.util.List;

/**
 * Program definitions that cannot be used. Each problem names the file, the key path and the line, e.g.
 * {@code claims-driven-tailored.yaml: criteria[1].functional-impairment.any-of[0].psych-inpatient-episodes.within
 * (line 23): 'P24X' is not an ISO-8601 period such as P24M or P90D}.
 */
public class ProgramDefinitionException extends RuntimeException {
  private final List<String> problems;

  ProgramDefinitionException(String problem) {
    this(List.of(problem));
  }

  ProgramDefinitionException(List<String> problems) {
    super(problems.size() == 1 ? problems.get(0)
        : problems.size() + " problems in the program definitions:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
