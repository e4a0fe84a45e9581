package org.casemgmt.adapter.claims.evidence;

import org.casemgmt.routes.clientrecord.EncounterKind;

/**
 * What a {@link ClaimEpisode} shows, written as its guide's encounter kind. The first three are psychiatric service
 * use that impairment criteria count; an outpatient mental-health visit is only follow-up evidence (quality measures
 * read it by its Encounter class), which eligibility never counts. The constants' names are part of the evidence keys
 * on record: do not rename them.
 */
public enum ClaimEpisodeKind {
  INPATIENT(EncounterKind.PSYCHIATRIC_INPATIENT),
  EMERGENCY(EncounterKind.PSYCHIATRIC_EMERGENCY),
  CRISIS(EncounterKind.CRISIS_SERVICE),
  /** A day of outpatient mental-health care (psychotherapy, a community mental health center...). */
  MENTAL_HEALTH_OUTPATIENT(EncounterKind.MENTAL_HEALTH_OUTPATIENT);

  private final EncounterKind encounterKind;

  ClaimEpisodeKind(EncounterKind encounterKind) {
    this.encounterKind = encounterKind;
  }

  /** Its code in the guide's encounter-kind code system ({@link EncounterKind#SYSTEM}). */
  public String code() {
    return encounterKind.code();
  }
}
