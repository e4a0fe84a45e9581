package org.casemgmt.adapter.eligibility.program;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.adapter.eligibility.evidence.ScoreKind;

/**
 * Reads one criterion node: a mapping with a single key naming the kind ({@code any-of}, {@code diagnosis},
 * {@code psych-inpatient-episodes}...) whose value holds its settings.
 */
final class CriterionReader {
  private static final Pattern ICD10CM_PREFIX = Pattern.compile("[A-Z][0-9][0-9A-Z]?(\\.?[0-9A-Z]{0,4})?");
  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  private static final Pattern ZIP = Pattern.compile("[0-9]{5}");
  private static final BigDecimal LOWEST_TOTAL = BigDecimal.valueOf(8);
  private static final BigDecimal HIGHEST_TOTAL = BigDecimal.valueOf(40);
  private static final BigDecimal LOWEST_MEAN = BigDecimal.ONE;
  private static final BigDecimal HIGHEST_MEAN = BigDecimal.valueOf(5);

  private final DiagnosisValueSets valueSets;

  CriterionReader(DiagnosisValueSets valueSets) {
    this.valueSets = valueSets;
  }

  Criterion read(YamlMapping node) {
    if (node.keys().size() != 1) {
      throw node.fail("a criterion is a mapping with exactly one key naming its kind, found "
          + (node.keys().isEmpty() ? "none" : String.join(", ", node.keys())));
    }
    String kind = node.keys().iterator().next();
    return switch (kind) {
      case "all-of" -> new Criterion.AllOf(parts(node, kind));
      case "any-of" -> new Criterion.AnyOf(parts(node, kind));
      case "at-least-n" -> atLeastN(node.requiredMapping(kind));
      case "functional-impairment", "treatment-history" -> new Criterion.Group(kind, read(node.requiredMapping(kind)));
      case "diagnosis" -> diagnosis(node.mappingOrEmpty(kind));
      case "psych-inpatient-episodes" -> episodes(node.mappingOrEmpty(kind), EpisodeMeasure.PSYCH_INPATIENT_EPISODES);
      case "psych-ed-visits" -> episodes(node.mappingOrEmpty(kind), EpisodeMeasure.PSYCH_ED_VISITS);
      case "crisis-episodes" -> episodes(node.mappingOrEmpty(kind), EpisodeMeasure.CRISIS_EPISODES);
      case "state-hospital-admission" -> episodes(node.mappingOrEmpty(kind), EpisodeMeasure.STATE_HOSPITAL_ADMISSION);
      case "housing-instability" -> socialNeed(node.mappingOrEmpty(kind), SocialNeed.HOUSING_INSTABILITY);
      case "unemployment" -> socialNeed(node.mappingOrEmpty(kind), SocialNeed.UNEMPLOYMENT);
      case "functional-assessment-score" -> functionalScore(node.mappingOrEmpty(kind));
      case "phq9-severity" -> phq9(node.mappingOrEmpty(kind));
      case "residency" -> residency(node.mappingOrEmpty(kind));
      case "payer" -> payer(node.mappingOrEmpty(kind));
      case "age" -> age(node.mappingOrEmpty(kind));
      default -> throw node.fail(kind, "unknown criterion kind '" + kind + "'; known kinds are all-of, any-of, "
          + "at-least-n, functional-impairment, treatment-history, diagnosis, psych-inpatient-episodes, "
          + "psych-ed-visits, crisis-episodes, state-hospital-admission, housing-instability, unemployment, "
          + "functional-assessment-score, phq9-severity, residency, payer, age");
    };
  }

  private List<Criterion> parts(YamlMapping node, String key) {
    List<YamlMapping> parts = node.mappings(key);
    if (parts.isEmpty()) {
      throw node.fail(key, "must list at least one criterion");
    }
    return parts.stream().map(this::read).toList();
  }

  private Criterion atLeastN(YamlMapping settings) {
    settings.allowOnly("n", "of");
    int n = settings.wholeNumber("n", 1).orElseThrow(() -> settings.missing("n"));
    List<Criterion> parts = parts(settings, "of");
    if (n > parts.size()) {
      throw settings.fail("n", "is " + n + " but only " + parts.size() + " criteria are listed");
    }
    return new Criterion.AtLeastN(n, parts);
  }

  private Criterion diagnosis(YamlMapping settings) {
    settings.allowOnly("codes", "value-set", "exclude", "confirmed-by");
    Set<String> codes = icd10cmPrefixes(settings, "codes");
    String valueSet = settings.text("value-set").orElse(null);
    if (valueSet != null) {
      codes.addAll(valueSets.prefixes(valueSet)
          .orElseThrow(() -> settings.fail("value-set", "value set " + valueSet + " is not available; list its "
              + "ICD-10-CM prefixes under codes instead"))
          .stream().map(Criterion::icd10cmKey).toList());
    }
    if (codes.isEmpty()) {
      throw settings.missingOneOf("codes", "value-set");
    }
    YamlMapping confirmation = settings.requiredMapping("confirmed-by");
    confirmation.allowOnly("clinician-condition", "inpatient-claims", "outpatient-claims", "within");
    Criterion.Confirmation confirmedBy = new Criterion.Confirmation(
        confirmation.flag("clinician-condition").orElse(false),
        confirmation.wholeNumber("inpatient-claims", 1).orElse(0),
        confirmation.wholeNumber("outpatient-claims", 1).orElse(0),
        confirmation.period("within").orElse(null));
    if (!confirmedBy.clinicianCondition() && confirmedBy.inpatientClaims() == 0
        && confirmedBy.outpatientClaims() == 0) {
      throw confirmation.fail("needs clinician-condition: true, inpatient-claims or outpatient-claims");
    }
    return new Criterion.Diagnosis(codes, icd10cmPrefixes(settings, "exclude"), valueSet, confirmedBy);
  }

  private Criterion episodes(YamlMapping settings, EpisodeMeasure measure) {
    settings.allowOnly("at-least", "within");
    int atLeast = measure == EpisodeMeasure.STATE_HOSPITAL_ADMISSION
        ? settings.wholeNumber("at-least", 1).orElse(1)
        : settings.wholeNumber("at-least", 1).orElseThrow(() -> settings.missing("at-least"));
    return new Criterion.EpisodeCount(measure, atLeast, settings.period("within").orElse(null));
  }

  private Criterion socialNeed(YamlMapping settings, SocialNeed need) {
    settings.allowOnly("within", "diagnoses", "screening");
    Set<String> diagnoses = icd10cmPrefixes(settings, "diagnoses");
    String question = null;
    Set<String> answers = Set.of();
    if (settings.has("screening")) {
      YamlMapping screening = settings.requiredMapping("screening");
      screening.allowOnly("question", "answers");
      question = screening.requiredText("question");
      answers = Set.copyOf(screening.texts("answers"));
      if (answers.isEmpty()) {
        throw screening.missing("answers");
      }
    }
    if (diagnoses.isEmpty() && question == null) {
      throw settings.missingOneOf("diagnoses", "screening");
    }
    return new Criterion.SocialNeedRecorded(need, settings.period("within").orElse(null), diagnoses, question,
        answers);
  }

  private Criterion functionalScore(YamlMapping settings) {
    settings.allowOnly("score", "below", "within");
    ScoreKind score = switch (settings.requiredText("score")) {
      case "total" -> ScoreKind.FUNCTIONAL_ASSESSMENT_TOTAL;
      case "mean" -> ScoreKind.FUNCTIONAL_ASSESSMENT_MEAN;
      default -> throw settings.fail("score", "must be total or mean");
    };
    BigDecimal below = settings.decimal("below").orElseThrow(() -> settings.missing("below"));
    boolean total = score == ScoreKind.FUNCTIONAL_ASSESSMENT_TOTAL;
    BigDecimal lowest = total ? LOWEST_TOTAL : LOWEST_MEAN;
    BigDecimal highest = total ? HIGHEST_TOTAL : HIGHEST_MEAN;
    // A threshold at or under the lowest score is never met; one over the highest is always met.
    if (below.compareTo(lowest) <= 0 || below.compareTo(highest) > 0) {
      throw settings.fail("below", "must be over " + lowest + " and at most " + highest + " for the " + (total
          ? "total (8 domains rated 1-5)" : "mean (1-5)") + ", was " + below.toPlainString());
    }
    return new Criterion.FunctionalScoreBelow(score, below, settings.period("within").orElse(null));
  }

  private Criterion phq9(YamlMapping settings) {
    settings.allowOnly("at-least", "within");
    String band = settings.requiredText("at-least");
    Phq9Band atLeast = Arrays.stream(Phq9Band.values()).filter(candidate -> candidate.code().equals(band))
        .findFirst().orElseThrow(() -> settings.fail("at-least", "must be one of " + Arrays.stream(Phq9Band.values())
            .map(Phq9Band::code).collect(Collectors.joining(", ")) + ", was '" + band + "'"));
    return new Criterion.Phq9AtLeast(atLeast, settings.period("within").orElse(null));
  }

  private Criterion residency(YamlMapping settings) {
    settings.allowOnly("state", "counties", "postal-codes");
    String given = settings.requiredText("state");
    String state = given.toUpperCase(Locale.ROOT);
    if (!STATE.matcher(state).matches()) {
      throw settings.fail("state", "must be a two-letter state code, was '" + given + "'");
    }
    Set<String> counties = settings.texts("counties").stream().map(Criterion.Residency::countyKey)
        .collect(Collectors.toSet());
    List<String> postalCodes = settings.texts("postal-codes");
    for (String postalCode : postalCodes) {
      if (!ZIP.matcher(postalCode).matches()) {
        throw settings.fail("postal-codes", "must be five-digit ZIP codes, found '" + postalCode + "'");
      }
    }
    return new Criterion.Residency(state, counties, Set.copyOf(postalCodes));
  }

  private Criterion payer(YamlMapping settings) {
    settings.allowOnly("accepts");
    List<String> accepts = settings.texts("accepts");
    if (accepts.isEmpty()) {
      throw settings.missing("accepts");
    }
    Set<PayerKind> kinds = new LinkedHashSet<>();
    for (String accepted : accepts) {
      kinds.add(switch (accepted) {
        case "medicaid" -> PayerKind.MEDICAID;
        case "state-funded" -> PayerKind.STATE_FUNDED;
        default -> throw settings.fail("accepts", "must list medicaid and/or state-funded, found '" + accepted + "'");
      });
    }
    return new Criterion.Payer(kinds);
  }

  private Criterion age(YamlMapping settings) {
    settings.allowOnly("minimum", "maximum");
    Integer minimum = settings.wholeNumber("minimum", 0).orElse(null);
    Integer maximum = settings.wholeNumber("maximum", 0).orElse(null);
    if (minimum == null && maximum == null) {
      throw settings.missingOneOf("minimum", "maximum");
    }
    if (minimum != null && maximum != null && minimum > maximum) {
      throw settings.fail("maximum", "is " + maximum + ", under the minimum " + minimum);
    }
    return new Criterion.Age(minimum, maximum);
  }

  private static Set<String> icd10cmPrefixes(YamlMapping settings, String key) {
    Set<String> prefixes = new LinkedHashSet<>();
    for (String code : settings.texts(key)) {
      String upper = code.toUpperCase(Locale.ROOT);
      if (!ICD10CM_PREFIX.matcher(upper).matches()) {
        throw settings.fail(key, "'" + code + "' is not an ICD-10-CM code or category (e.g. F20 or F32.2; a range "
            + "is listed category by category)");
      }
      prefixes.add(Criterion.icd10cmKey(upper));
    }
    return prefixes;
  }
}
