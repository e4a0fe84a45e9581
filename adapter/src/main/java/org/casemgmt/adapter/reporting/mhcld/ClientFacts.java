package org.casemgmt.adapter.reporting.mhcld;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.casemgmt.adapter.eligibility.CriterionResult;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.record.FhirDates;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * What the BCI record says of a client, in the client record's own codes (the crosswalk turns them into the
 * state's): each fact a list of candidate codes, the preferred first. Facts the record does not hold are absent.
 */
final class ClientFacts {
  static final String RACE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
  static final String ETHNICITY = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity";
  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String ELIGIBILITY_CRITERION = org.casemgmt.profiles.ImplementationGuide.CANONICAL
      + "/CodeSystem/eligibility-criterion";
  /** The criteria that make up a serious mental illness as the agency's programs define it. */
  private static final Set<String> SERIOUS_MENTAL_ILLNESS = Set.of("diagnosis", "functional-impairment");
  /** Tobacco use disorder is a substance diagnosis the state's substance-use fields do not mean. */
  private static final String NICOTINE = "F17";

  private ClientFacts() {
  }

  /**
   * @param conditions the client's Conditions the recipient may see
   * @param intake the latest biopsychosocial intake the recipient may see, or null
   * @param determination the latest eligibility determination by the period's end, or null
   * @param episodes the client's psychiatric episodes the recipient may see
   */
  static Map<String, List<String>> of(Patient client, ReportingPeriod period, List<Condition> conditions,
      QuestionnaireResponse intake, Observation determination, List<PsychiatricEpisode> episodes) {
    Map<String, List<String>> facts = new LinkedHashMap<>();
    LocalDate born = client.hasBirthDate() ? FhirDates.day(client.getBirthDateElement()) : null;
    put(facts, "birth-date", born == null ? null : born.toString());
    put(facts, "sex", client.hasGender() ? client.getGender().toCode() : null);
    facts.put("race", race(client));
    facts.put("ethnicity", ethnicity(client));
    facts.put("marital-status", client.getMaritalStatus().getCoding().stream().map(Coding::getCode)
        .filter(Objects::nonNull).toList());
    facts.put("living-arrangement", answers(intake, "living-arrangement"));
    facts.put("employment", answers(intake, "income-sources"));
    put(facts, "smi-sed", smiSed(determination, born, period));
    List<String> diagnoses = diagnoses(conditions, period);
    List<String> mental = diagnoses.stream().filter(code -> !substance(code)).toList();
    for (int i = 0; i < 3; i++) {
      put(facts, "mh-diagnosis-" + (i + 1), i < mental.size() ? mental.get(i) : null);
    }
    List<String> substances = diagnoses.stream().filter(ClientFacts::substance)
        .filter(code -> !code.startsWith(NICOTINE)).toList();
    put(facts, "substance-diagnosis", substances.isEmpty() ? null : substances.get(0));
    put(facts, "substance-problem", substanceProblem(!substances.isEmpty(), answers(intake, "substances-used")));
    put(facts, "state-hospital", yesNo(stayed(episodes, EpisodeKind.STATE_HOSPITAL, period)));
    put(facts, "other-psychiatric-inpatient", yesNo(stayed(episodes, EpisodeKind.INPATIENT, period)));
    // Every client reported was served by the agency's programs, community case management.
    put(facts, "community-program", "yes");
    return facts;
  }

  /** The US Core OMB race categories: one, or "multiple" when several are recorded. */
  private static List<String> race(Patient client) {
    List<String> categories = codes(client.getExtensionByUrl(RACE), "ombCategory");
    return categories.size() > 1 ? List.of("multiple") : categories;
  }

  /** The detailed ethnicity first (Mexican, Puerto Rican, Cuban...), then the OMB category. */
  private static List<String> ethnicity(Patient client) {
    Extension ethnicity = client.getExtensionByUrl(ETHNICITY);
    List<String> codes = new ArrayList<>(codes(ethnicity, "detailed"));
    codes.addAll(codes(ethnicity, "ombCategory"));
    return codes;
  }

  private static List<String> codes(Extension extension, String part) {
    if (extension == null) {
      return List.of();
    }
    return extension.getExtension().stream().filter(e -> part.equals(e.getUrl()) && e.getValue() instanceof Coding)
        .map(e -> ((Coding) e.getValue()).getCode()).filter(Objects::nonNull).distinct().toList();
  }

  /** The codes of an intake item's answers (its linkId), in any group. */
  private static List<String> answers(QuestionnaireResponse intake, String linkId) {
    List<String> codes = new ArrayList<>();
    if (intake != null) {
      collect(intake.getItem(), linkId, codes);
    }
    return codes;
  }

  private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String linkId,
      List<String> codes) {
    for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
      if (linkId.equals(item.getLinkId())) {
        item.getAnswer().stream().filter(answer -> answer.getValue() instanceof Coding)
            .map(answer -> answer.getValueCoding().getCode()).forEach(codes::add);
      }
      collect(item.getItem(), linkId, codes);
      item.getAnswer().forEach(answer -> collect(answer.getItem(), linkId, codes));
    }
  }

  /**
   * SMI or SED (by age at the period's midpoint) when the determination found the diagnosis and the functional
   * impairment that make a serious mental illness; not SMI/SED when it found either missing; unknown otherwise.
   */
  static String smiSed(Observation determination, LocalDate born, ReportingPeriod period) {
    if (determination == null) {
      return null;
    }
    List<String> results = determination.getComponent().stream()
        .filter(component -> SERIOUS_MENTAL_ILLNESS.stream().anyMatch(criterion -> has(component.getCode(),
            criterion)))
        .map(component -> component.getValueCodeableConcept().getCodingFirstRep().getCode()).toList();
    if (results.size() == SERIOUS_MENTAL_ILLNESS.size()
        && results.stream().allMatch(CriterionResult.MET.code()::equals)) {
      if (born == null) {
        return null;
      }
      LocalDate midpoint = period.start().plusDays((period.end().toEpochDay() - period.start().toEpochDay()) / 2);
      return Period.between(born, midpoint).getYears() >= 18 ? "smi" : "sed";
    }
    return results.contains(CriterionResult.NOT_MET.code()) ? "not-smi-sed" : null;
  }

  private static boolean has(CodeableConcept concept, String code) {
    return concept.getCoding().stream()
        .anyMatch(coding -> ELIGIBILITY_CRITERION.equals(coding.getSystem()) && code.equals(coding.getCode()));
  }

  /**
   * The ICD-10-CM mental and behavioural (F) codes of Conditions active at some time in the period, without the
   * dot, the latest recorded first and each once.
   */
  static List<String> diagnoses(List<Condition> conditions, ReportingPeriod period) {
    return conditions.stream().filter(condition -> activeIn(condition, period))
        .sorted(Comparator.comparing(ClientFacts::recorded, Comparator.nullsLast(Comparator.reverseOrder())))
        .flatMap(condition -> condition.getCode().getCoding().stream())
        .filter(coding -> ICD_10_CM.equals(coding.getSystem()) && coding.hasCode())
        .map(coding -> coding.getCode().replace(".", "").trim().toUpperCase(java.util.Locale.ROOT))
        .filter(code -> code.startsWith("F")).distinct().toList();
  }

  private static boolean activeIn(Condition condition, ReportingPeriod period) {
    String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
      return false;
    }
    LocalDate from = recorded(condition);
    LocalDate until = condition.hasAbatementDateTimeType() ? FhirDates.day(condition.getAbatementDateTimeType())
        : null;
    String clinical = condition.getClinicalStatus().getCodingFirstRep().getCode();
    boolean over = "inactive".equals(clinical) || "resolved".equals(clinical) || "remission".equals(clinical);
    if (over && until == null) {
      return false;
    }
    return (from == null || !from.isAfter(period.end())) && (until == null || !until.isBefore(period.start()));
  }

  private static LocalDate recorded(Condition condition) {
    if (condition.hasOnsetDateTimeType()) {
      return FhirDates.day(condition.getOnsetDateTimeType());
    }
    return condition.hasRecordedDate() ? FhirDates.day(condition.getRecordedDateElement()) : null;
  }

  /** F10-F19: mental and behavioural disorders due to psychoactive substance use. */
  private static boolean substance(String code) {
    return code.length() >= 3 && code.startsWith("F1") && Character.isDigit(code.charAt(2));
  }

  /** Yes with a substance diagnosis or substances named at intake; no when the intake says none. */
  private static String substanceProblem(boolean diagnosed, List<String> usedAtIntake) {
    if (diagnosed || usedAtIntake.stream().anyMatch(code -> !Set.of("substance-none", "substance-declined",
        "substance-tobacco").contains(code))) {
      return "yes";
    }
    return usedAtIntake.contains("substance-none") ? "no" : null;
  }

  private static boolean stayed(List<PsychiatricEpisode> episodes, EpisodeKind kind, ReportingPeriod period) {
    return episodes.stream().anyMatch(episode -> episode.kind() == kind
        && period.overlaps(episode.start(), episode.end()));
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static void put(Map<String, List<String>> facts, String name, String value) {
    facts.put(name, value == null ? List.of() : List.of(value));
  }
}
