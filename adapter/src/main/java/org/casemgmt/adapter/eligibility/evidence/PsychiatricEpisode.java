package org.casemgmt.adapter.eligibility.evidence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One episode of psychiatric service use, after the shell has merged interim bills and chained transfers: episodes
 * are counted by their start (admission or visit) date.
 *
 * @param end last day, or null while the stay goes on
 * @param reference the record it was built from, e.g. "Encounter/123"
 */
public record PsychiatricEpisode(EpisodeKind kind, LocalDate start, LocalDate end, Origin origin, String reference) {

  public PsychiatricEpisode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reference, "reference");
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("episode " + reference + " ends before it starts");
    }
  }
}
