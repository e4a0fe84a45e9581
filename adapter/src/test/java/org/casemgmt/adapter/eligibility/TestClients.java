package org.casemgmt.adapter.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.casemgmt.adapter.eligibility.evidence.AddressFact;
import org.casemgmt.adapter.eligibility.evidence.AssessmentScore;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.evidence.CoverageSpan;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisSource;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.evidence.ScoreKind;
import org.casemgmt.adapter.eligibility.evidence.ScreeningAnswer;

/**
 * Test clients written one fact per line, so a case reads like the record it stands for. Words are separated by
 * spaces; a period is {@code start..end} with either side left open ({@code 2024-01-01..} is still open). The
 * reference is always the last word but for a trailing origin.
 *
 * <pre>
 * birth-date: 1980-05-01
 * episodes:     [kind start[..end] reference [claim|denied-claim]]   (no origin word: clinical)
 *               kind: inpatient, state-hospital, emergency, crisis
 * diagnoses:    [code source date[..until] reference [denied]]
 *               source: condition, inpatient-claim, outpatient-claim
 * coverage:     [payer start..end reference]                            payer: medicaid, state-funded, other
 * addresses:    [state county|- zip|- start..end reference]              - for a part the address lacks
 * scores:       [kind value date reference]                             kind: fa-total, fa-mean, phq9
 * answers:      [question answer date reference]                        eligibility-screening codes
 * </pre>
 */
final class TestClients {
  private static final Set<String> KEYS = Set.of("birth-date", "episodes", "diagnoses", "coverage", "addresses",
      "scores", "answers");

  private TestClients() {}

  static ClientEvidence read(Map<String, Object> client) {
    for (String key : client.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown client key '" + key + "'; expected one of " + KEYS);
      }
    }
    return new ClientEvidence(
        date(client.get("birth-date")),
        facts(client, "episodes", TestClients::episode),
        facts(client, "diagnoses", TestClients::diagnosis),
        facts(client, "coverage", TestClients::coverage),
        facts(client, "addresses", TestClients::address),
        facts(client, "scores", TestClients::score),
        facts(client, "answers", TestClients::answer));
  }

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    // SnakeYAML reads an unquoted date as a timestamp at midnight UTC.
    return value instanceof Date date ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
        : LocalDate.parse(value.toString());
  }

  private static PsychiatricEpisode episode(String[] words) {
    LocalDate[] period = period(words[1]);
    Origin origin = words.length > 3 ? switch (words[3]) {
      case "claim" -> Origin.CLAIM;
      case "denied-claim" -> Origin.DENIED_CLAIM;
      default -> throw new IllegalArgumentException("origin must be claim or denied-claim: " + words[3]);
    } : Origin.CLINICAL;
    return new PsychiatricEpisode(EpisodeKind.valueOf(constant(words[0])), period[0], period[1], origin, words[2]);
  }

  private static DiagnosisFact diagnosis(String[] words) {
    DiagnosisSource source = switch (words[1]) {
      case "condition" -> DiagnosisSource.CLINICIAN_CONDITION;
      case "inpatient-claim" -> DiagnosisSource.INPATIENT_CLAIM;
      case "outpatient-claim" -> DiagnosisSource.OUTPATIENT_CLAIM;
      default -> throw new IllegalArgumentException("unknown diagnosis source " + words[1]);
    };
    LocalDate[] period = words[2].contains("..") ? period(words[2]) : new LocalDate[] {LocalDate.parse(words[2]), null};
    boolean denied = words.length > 4 && words[4].equals("denied");
    return new DiagnosisFact(words[0], source, period[0], period[1], denied, words[3]);
  }

  private static CoverageSpan coverage(String[] words) {
    LocalDate[] period = period(words[1]);
    return new CoverageSpan(PayerKind.valueOf(constant(words[0])), period[0], period[1], words[2]);
  }

  private static AddressFact address(String[] words) {
    LocalDate[] period = period(words[3]);
    return new AddressFact(words[0], absentIfDash(words[1]), absentIfDash(words[2]), period[0], period[1], words[4]);
  }

  private static AssessmentScore score(String[] words) {
    ScoreKind kind = switch (words[0]) {
      case "fa-total" -> ScoreKind.FUNCTIONAL_ASSESSMENT_TOTAL;
      case "fa-mean" -> ScoreKind.FUNCTIONAL_ASSESSMENT_MEAN;
      case "phq9" -> ScoreKind.PHQ9_TOTAL;
      default -> throw new IllegalArgumentException("unknown score kind " + words[0]);
    };
    return new AssessmentScore(kind, new BigDecimal(words[1]), LocalDate.parse(words[2]), words[3]);
  }

  private static ScreeningAnswer answer(String[] words) {
    return new ScreeningAnswer(words[0], words[1], LocalDate.parse(words[2]), words[3]);
  }

  private static <T> List<T> facts(Map<String, Object> client, String key, Function<String[], T> parser) {
    Object lines = client.get(key);
    if (lines == null) {
      return List.of();
    }
    List<T> facts = new ArrayList<>();
    for (Object line : (List<?>) lines) {
      try {
        facts.add(parser.apply(line.toString().trim().split("\\s+")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(key + ": cannot read '" + line + "': " + e.getMessage(), e);
      }
    }
    return facts;
  }

  private static LocalDate[] period(String text) {
    if (!text.contains("..")) {
      return new LocalDate[] {LocalDate.parse(text), null};
    }
    String[] ends = text.split("\\.\\.", -1);
    return new LocalDate[] {ends[0].isEmpty() ? null : LocalDate.parse(ends[0]),
        ends[1].isEmpty() ? null : LocalDate.parse(ends[1])};
  }

  private static String absentIfDash(String word) {
    return word.equals("-") ? null : word.replace('_', ' ');
  }

  private static String constant(String word) {
    return word.toUpperCase().replace('-', '_');
  }
}
