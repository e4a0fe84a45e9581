package org.casemgmt.adapter.eligibility.determination;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casemgmt.adapter.eligibility.Judgement;
import org.casemgmt.adapter.eligibility.program.EpisodeMeasure;
import org.casemgmt.adapter.eligibility.program.SocialNeed;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * What a judgement's criterion id is in the guide's terminology: an eligibility-criterion code (diagnosis,
 * residency...), an evidence-kind code (the impairment measures), or a combination (all-of, any-of, at-least-n),
 * which no code system names because it is structure, not a criterion.
 */
final class CriterionCodes {
  static final String ELIGIBILITY_CRITERION = ImplementationGuide.CANONICAL + "/CodeSystem/eligibility-criterion";
  static final String EVIDENCE_KIND = ImplementationGuide.CANONICAL + "/CodeSystem/evidence-kind";
  static final Set<String> ELIGIBILITY_CRITERIA =
      Set.of("diagnosis", "functional-impairment", "treatment-history", "residency", "payer", "age");
  static final Set<String> EPISODE_COUNTS =
      Arrays.stream(EpisodeMeasure.values()).map(EpisodeMeasure::code).collect(Collectors.toUnmodifiableSet());
  static final Set<String> SOCIAL_NEEDS =
      Arrays.stream(SocialNeed.values()).map(SocialNeed::code).collect(Collectors.toUnmodifiableSet());
  static final Set<String> SCORES = Set.of("functional-assessment-score", "phq9-severity");

  private CriterionCodes() {
  }

  static boolean isImpairmentMeasure(String criterion) {
    return EPISODE_COUNTS.contains(criterion) || SOCIAL_NEEDS.contains(criterion) || SCORES.contains(criterion);
  }

  /**
   * The code of a determination component. A combination gets text only, naming its parts ("any of:
   * treatment-history, functional-impairment"): the component binding is extensible, so text stands where no code
   * fits, and the parts' own judgements follow in the explanation.
   */
  static CodeableConcept of(Judgement judgement) {
    String criterion = judgement.criterion();
    if (ELIGIBILITY_CRITERIA.contains(criterion)) {
      return new CodeableConcept(new Coding(ELIGIBILITY_CRITERION, criterion, null));
    }
    if (isImpairmentMeasure(criterion)) {
      return new CodeableConcept(new Coding(EVIDENCE_KIND, criterion, null));
    }
    return new CodeableConcept().setText(criterion.replace('-', ' ') + ": " + judgement.parts().stream()
        .map(Judgement::criterion).collect(Collectors.joining(", ")));
  }

  /** Every judgement under (and including) these, depth first. */
  static Stream<Judgement> all(List<Judgement> judgements) {
    return judgements.stream().flatMap(judgement -> Stream.concat(Stream.of(judgement), all(judgement.parts())));
  }
}
