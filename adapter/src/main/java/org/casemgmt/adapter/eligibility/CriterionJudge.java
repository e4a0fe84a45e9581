package org.casemgmt.adapter.eligibility;

import java.util.List;
import org.casemgmt.adapter.eligibility.program.Criterion;

/** Hands each kind of criterion to the judge that knows it; combinations judge their parts first. */
final class CriterionJudge {
  private final CombinationJudge combinations = new CombinationJudge();
  private final DiagnosisJudge diagnosis = new DiagnosisJudge();
  private final EpisodeCountJudge episodes = new EpisodeCountJudge();
  private final SocialNeedJudge socialNeeds = new SocialNeedJudge();
  private final AssessmentJudge assessments = new AssessmentJudge();
  private final ResidencyJudge residency = new ResidencyJudge();
  private final PayerJudge payer = new PayerJudge();
  private final AgeJudge age = new AgeJudge();

  Judgement judge(Criterion criterion, Evaluation evaluation) {
    if (criterion instanceof Criterion.AllOf allOf) {
      return combinations.allOf(allOf, judgeAll(allOf.parts(), evaluation));
    } else if (criterion instanceof Criterion.AnyOf anyOf) {
      return combinations.anyOf(anyOf, judgeAll(anyOf.parts(), evaluation));
    } else if (criterion instanceof Criterion.AtLeastN atLeastN) {
      return combinations.atLeastN(atLeastN, judgeAll(atLeastN.parts(), evaluation));
    } else if (criterion instanceof Criterion.Group group) {
      return combinations.group(group, judge(group.rule(), evaluation));
    } else if (criterion instanceof Criterion.Diagnosis rule) {
      return diagnosis.judge(rule, evaluation);
    } else if (criterion instanceof Criterion.EpisodeCount rule) {
      return episodes.judge(rule, evaluation);
    } else if (criterion instanceof Criterion.SocialNeedRecorded rule) {
      return socialNeeds.judge(rule, evaluation);
    } else if (criterion instanceof Criterion.FunctionalScoreBelow rule) {
      return assessments.functionalScore(rule, evaluation);
    } else if (criterion instanceof Criterion.Phq9AtLeast rule) {
      return assessments.phq9(rule, evaluation);
    } else if (criterion instanceof Criterion.Residency rule) {
      return residency.judge(rule, evaluation);
    } else if (criterion instanceof Criterion.Payer rule) {
      return payer.judge(rule, evaluation);
    } else if (criterion instanceof Criterion.Age rule) {
      return age.judge(rule, evaluation);
    }
    throw new IllegalArgumentException("no judge for " + criterion.getClass().getSimpleName());
  }

  /** Every part is judged, even once the result is settled, so each carries its reasons and its change dates. */
  List<Judgement> judgeAll(List<Criterion> criteria, Evaluation evaluation) {
    return criteria.stream().map(criterion -> judge(criterion, evaluation)).toList();
  }
}
