package org.casemgmt.adapter.eligibility.program;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.adapter.eligibility.evidence.ScoreKind;

/**
 * One node of a program's rules: a combination of criteria or a single criterion. {@link #id()} is the code a
 * result carries: an eligibility-criterion code (diagnosis, functional-impairment, treatment-history, residency,
 * payer, age), an evidence-kind code for the impairment measures, or the combinator's name (all-of, any-of,
 * at-least-n), which is structure rather than a criterion. A {@code within} of null means the whole history up to the
 * evaluation date.
 */
public sealed interface Criterion {

  String id();

  /** ICD-10-CM codes compared without the dot, which claims often drop (F209 is F20.9). */
  static String icd10cmKey(String code) {
    return code.replace(".", "").trim().toUpperCase(Locale.ROOT);
  }

  /** Met when every part is met. */
  record AllOf(List<Criterion> parts) implements Criterion {
    public AllOf {
      parts = List.copyOf(parts);
    }

    @Override
    public String id() {
      return "all-of";
    }
  }

  /** Met when any part is met. */
  record AnyOf(List<Criterion> parts) implements Criterion {
    public AnyOf {
      parts = List.copyOf(parts);
    }

    @Override
    public String id() {
      return "any-of";
    }
  }

  /** Met when at least {@code n} parts are met. */
  record AtLeastN(int n, List<Criterion> parts) implements Criterion {
    public AtLeastN {
      parts = List.copyOf(parts);
    }

    @Override
    public String id() {
      return "at-least-n";
    }
  }

  /** A named criterion made of others: functional-impairment or treatment-history. */
  record Group(String id, Criterion rule) implements Criterion {}

  /**
   * A qualifying diagnosis, confirmed as the program says.
   *
   * @param codes ICD-10-CM prefixes that qualify (from the definition and its value set), without dots
   * @param excluded prefixes that do not qualify even when a broader prefix does, without dots
   * @param valueSet canonical URL the codes were expanded from, or null
   */
  record Diagnosis(Set<String> codes, Set<String> excluded, String valueSet, Confirmation confirmedBy)
      implements Criterion {
    public Diagnosis {
      codes = Set.copyOf(codes);
      excluded = Set.copyOf(excluded);
    }

    /** Whether the code begins with a qualifying prefix and with no excluded one. */
    public boolean qualifies(String code) {
      String key = icd10cmKey(code);
      return codes.stream().anyMatch(key::startsWith) && excluded.stream().noneMatch(key::startsWith);
    }

    @Override
    public String id() {
      return "diagnosis";
    }
  }

  /**
   * Ways a diagnosis counts as confirmed; any one suffices.
   *
   * @param inpatientClaims inpatient claims needed, 0 when they do not confirm
   * @param outpatientClaims outpatient claims on different days needed, 0 when they do not confirm
   * @param within how far back claims count
   */
  record Confirmation(boolean clinicianCondition, int inpatientClaims, int outpatientClaims, Period within) {}

  /** At least {@code atLeast} episodes of the measure's kinds started within the lookback. */
  record EpisodeCount(EpisodeMeasure measure, int atLeast, Period within) implements Criterion {
    @Override
    public String id() {
      return measure.code();
    }
  }

  /**
   * A social need recorded within the lookback, as a diagnosis or a screening answer.
   *
   * @param diagnoses ICD-10-CM prefixes, without dots
   * @param screeningQuestion item code whose answers tell, or null
   * @param screeningAnswers answers to that item that show the need
   */
  record SocialNeedRecorded(SocialNeed need, Period within, Set<String> diagnoses, String screeningQuestion,
      Set<String> screeningAnswers) implements Criterion {
    public SocialNeedRecorded {
      diagnoses = Set.copyOf(diagnoses);
      screeningAnswers = Set.copyOf(screeningAnswers);
    }

    /** Whether a diagnosis with this code shows the need. */
    public boolean shownBy(String code) {
      String key = icd10cmKey(code);
      return diagnoses.stream().anyMatch(key::startsWith);
    }

    @Override
    public String id() {
      return need.code();
    }
  }

  /** The latest functional-assessment score within the lookback is below the threshold (higher is better). */
  record FunctionalScoreBelow(ScoreKind score, BigDecimal below, Period within) implements Criterion {
    @Override
    public String id() {
      return "functional-assessment-score";
    }
  }

  /** The latest PHQ-9 total within the lookback is in the given band or a more severe one. */
  record Phq9AtLeast(Phq9Band band, Period within) implements Criterion {
    @Override
    public String id() {
      return "phq9-severity";
    }
  }

  /**
   * The address current on the evaluation date is in the service area: in the state and, when counties or postal
   * codes are listed, in one of the counties or one of the postal codes.
   *
   * @param counties lower-case county names without the word "county"
   * @param postalCodes five-digit ZIP codes
   */
  record Residency(String state, Set<String> counties, Set<String> postalCodes) implements Criterion {
    public Residency {
      counties = Set.copyOf(counties);
      postalCodes = Set.copyOf(postalCodes);
    }

    /** "Sangamon County", "sangamon" and "SANGAMON" name the same county. */
    public static String countyKey(String county) {
      return county.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+county$", "").replaceAll("\\s+", " ");
    }

    @Override
    public String id() {
      return "residency";
    }
  }

  /** Coverage of an accepted kind is active on the evaluation date. */
  record Payer(Set<PayerKind> accepts) implements Criterion {
    public Payer {
      accepts = Set.copyOf(accepts);
    }

    @Override
    public String id() {
      return "payer";
    }
  }

  /** Age in whole years on the evaluation date within [minimum, maximum]; either bound may be null. */
  record Age(Integer minimum, Integer maximum) implements Criterion {
    @Override
    public String id() {
      return "age";
    }
  }
}
