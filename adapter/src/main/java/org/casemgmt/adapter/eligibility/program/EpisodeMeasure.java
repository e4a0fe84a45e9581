package org.casemgmt.adapter.eligibility.program;

import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;

/**
 * The episode counts a program can require. Codes are those of the evidence-kind CodeSystem, so a criterion's
 * result and the impairment-evidence Observation behind it share one code.
 */
public enum EpisodeMeasure {
  PSYCH_INPATIENT_EPISODES("psych-inpatient-episodes", "psychiatric inpatient episode", true,
      Set.of(EpisodeKind.INPATIENT, EpisodeKind.STATE_HOSPITAL)),
  PSYCH_ED_VISITS("psych-ed-visits", "psychiatric emergency visit", false, Set.of(EpisodeKind.EMERGENCY)),
  CRISIS_EPISODES("crisis-episodes", "crisis episode", false, Set.of(EpisodeKind.CRISIS)),
  STATE_HOSPITAL_ADMISSION("state-hospital-admission", "state psychiatric hospital admission", true,
      Set.of(EpisodeKind.STATE_HOSPITAL));

  private final String code;
  private final String noun;
  private final boolean stays;
  private final Set<EpisodeKind> kinds;

  EpisodeMeasure(String code, String noun, boolean stays, Set<EpisodeKind> kinds) {
    this.code = code;
    this.noun = noun;
    this.stays = stays;
    this.kinds = kinds;
  }

  /** Whether it counts stays, which chain (a transfer continues a stay); visits and services only share a day. */
  public boolean countsStays() {
    return stays;
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
