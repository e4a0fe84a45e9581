package org.casemgmt.adapter.eligibility.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the engine may read about one client. A list left empty means "nothing recorded": whether that fails a
 * criterion or leaves it unknown is the criterion's call (no coverage data is unknown, no hospital stay is not).
 *
 * @param birthDate null when not known
 */
public record ClientEvidence(
    LocalDate birthDate,
    List<PsychiatricEpisode> episodes,
    List<DiagnosisFact> diagnoses,
    List<CoverageSpan> coverage,
    List<AddressFact> addresses,
    List<AssessmentScore> scores,
    List<ScreeningAnswer> screeningAnswers) {

  public ClientEvidence {
    episodes = copy(episodes);
    diagnoses = copy(diagnoses);
    coverage = copy(coverage);
    addresses = copy(addresses);
    scores = copy(scores);
    screeningAnswers = copy(screeningAnswers);
  }

  /** A client of whom nothing is known yet. */
  public static ClientEvidence none() {
    return new ClientEvidence(null, null, null, null, null, null, null);
  }

  private static <T> List<T> copy(List<T> facts) {
    return facts == null ? List.of() : List.copyOf(facts);
  }
}
