package org.casemgmt.adapter.eligibility.program;

import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;

/**
 * The episode counts a program can require. Codes are those of the evidence-kind CodeSystem, so a criterion's
 * result and the impairment-evidence Observation behind it share one code.
 */
public enum EpisodeMeasure {
  PSYCH_INPATIENT_EPISODES("psych-inpatient-episodes", "psychiatric inpatient episode",
      Set.of(EpisodeKind.INPATIENT, EpisodeKind.STATE_HOSPITAL)),
  PSYCH_ED_VISITS("psych-ed-visits", "psychiatric emergency visit", Set.of(EpisodeKind.EMERGENCY)),
  CRISIS_EPISODES("crisis-episodes", "crisis episode", Set.of(EpisodeKind.CRISIS)),
  STATE_HOSPITAL_ADMISSION("state-hospital-admission", "state psychiatric hospital admission",
      Set.of(EpisodeKind.STATE_HOSPITAL));

  private final String code;
  private final String noun;
  private final Set<EpisodeKind> kinds;

  EpisodeMeasure(String code, String noun, Set<EpisodeKind> kinds) {
    this.code = code;
    this.noun = noun;
    this.kinds = kinds;
  }

  public String code() {
    return code;
  }

  /** Singular noun for explanations, e.g. "crisis episode". */
  public String noun() {
    return noun;
  }

  public boolean counts(EpisodeKind kind) {
    return kinds.contains(kind);
  }
}
