package org.casemgmt.adapter.reporting.measure;

import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One of the agency's discharge measures as configured ({@code config/measures.yml}): which discharges count, and
 * which event after them (a follow-up visit, a readmission) within each window.
 */
public record MeasureDefinition(
    String title,
    String description,
    @DefaultValue("increase") String improvement,
    List<EpisodeKind> indexEpisodes,
    Event event,
    List<Integer> windowsDays,
    Integer observedDays,
    @DefaultValue("0") int lastOfReadmissionsWithinDays,
    @DefaultValue("0") int minimumAge,
    PayerKind continuousCoverage,
    @DefaultValue List<String> followUpClasses) {

  /** What is looked for after a discharge. */
  public enum Event { FOLLOW_UP, READMISSION }

  public MeasureDefinition {
    if (indexEpisodes == null || indexEpisodes.isEmpty() || event == null || windowsDays == null
        || windowsDays.isEmpty()) {
      throw new IllegalArgumentException("a measure names its index-episodes, event and windows-days");
    }
    if (event == Event.FOLLOW_UP && followUpClasses.isEmpty()) {
      throw new IllegalArgumentException("a follow-up measure names its follow-up-classes");
    }
  }

  /** How many days after a discharge must lie inside the period for it to count in a window's group. */
  int observed(int window) {
    return observedDays != null ? observedDays : window;
  }

  Set<EpisodeKind> indexKinds() {
    return Set.copyOf(indexEpisodes);
  }
}
