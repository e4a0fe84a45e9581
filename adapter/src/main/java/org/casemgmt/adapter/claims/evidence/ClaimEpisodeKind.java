package org.casemgmt.adapter.claims.evidence;

import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;

/**
 * What a {@link ClaimEpisode} shows. The first three are psychiatric service use that impairment criteria count, and
 * are written with the encounter-kind code of their {@link EpisodeKind}; an outpatient mental-health visit is only
 * follow-up evidence (quality measures read it by its Encounter class), so it has no {@link EpisodeKind} and
 * eligibility never counts it. The constants' names are part of the evidence keys on record: do not rename them.
 */
public enum ClaimEpisodeKind {
  INPATIENT(EpisodeKind.INPATIENT.code()),
  EMERGENCY(EpisodeKind.EMERGENCY.code()),
  CRISIS(EpisodeKind.CRISIS.code()),
  /** A day of outpatient mental-health care (psychotherapy, a community mental health center...). */
  MENTAL_HEALTH_OUTPATIENT("mental-health-outpatient");

  private final String code;

  ClaimEpisodeKind(String code) {
    this.code = code;
  }

  /** Its code in the guide's encounter-kind code system ({@link EpisodeKind#SYSTEM}). */
  public String code() {
    return code;
  }
}
