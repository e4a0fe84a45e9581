package org.casemgmt.adapter.eligibility.evidence;

import java.util.Arrays;
import java.util.Optional;
import org.casemgmt.routes.clientrecord.EncounterKind;

/**
 * The kinds of psychiatric service use that impairment criteria count: the part of the guide's encounter kinds
 * ({@link EncounterKind}, which the feeds write) that is psychiatric service use. Medical stays and outpatient
 * mental-health visits are encounter kinds too, but no criterion counts them, so the engine cannot be handed one.
 */
public enum EpisodeKind {
  /** A psychiatric inpatient stay in a community hospital or psychiatric unit. */
  INPATIENT(EncounterKind.PSYCHIATRIC_INPATIENT),
  /** A stay in a state psychiatric hospital; also counts as an inpatient episode. */
  STATE_HOSPITAL(EncounterKind.STATE_PSYCHIATRIC_HOSPITAL),
  /** An emergency-department visit with a psychiatric primary diagnosis that did not turn into an admission. */
  EMERGENCY(EncounterKind.PSYCHIATRIC_EMERGENCY),
  /** A behavioral-health crisis service (mobile crisis, crisis stabilization, crisis psychotherapy). */
  CRISIS(EncounterKind.CRISIS_SERVICE);

  private final EncounterKind encounterKind;

  EpisodeKind(EncounterKind encounterKind) {
    this.encounterKind = encounterKind;
  }

  /** Its code in the guide's encounter-kind code system ({@link EncounterKind#SYSTEM}). */
  public String code() {
    return encounterKind.code();
  }

  /** The episode kind an Encounter of this kind is; empty when it is not psychiatric service use. */
  public static Optional<EpisodeKind> of(EncounterKind encounterKind) {
    return Arrays.stream(values()).filter(kind -> kind.encounterKind == encounterKind).findFirst();
  }
}
