package org.casemgmt.adapter.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;

/**
 * Decides a client's eligibility for a program on a date, criterion by criterion. Plain Java over the evidence
 * model: no storage, no clock (the date is an argument), no state, so one instance serves every caller.
 */
public final class EligibilityEngine {
  private final CriterionJudge judge = new CriterionJudge();

  /**
   * The determination on {@code evaluationDate}. Evidence dated after it is ignored, as if evaluated on that day;
   * coverage and addresses are periods and count on the days they cover.
   */
  public Determination evaluate(ProgramDefinition program, ClientEvidence evidence, LocalDate evaluationDate) {
    ClientEvidence known = knownOn(evidence, evaluationDate);
    Evaluation evaluation = new Evaluation(known, evaluationDate, program.countDeniedClaims());
    List<Judgement> criteria = judge.judgeAll(program.criteria(), evaluation);
    DeterminationOutcome outcome = outcome(criteria);
    List<String> missing = outcome != DeterminationOutcome.INSUFFICIENT_INFORMATION ? List.of() : criteria.stream()
        .filter(criterion -> criterion.result() == CriterionResult.UNKNOWN)
        .flatMap(criterion -> criterion.missing().stream())
        .distinct()
        .toList();
    return new Determination(program.id(), program.version(), evaluationDate, outcome, criteria, missing,
        validUntil(program, known, evaluation, outcome));
  }

  /**
   * The last day the outcome holds on what is known today. Results only change on the days the judges noted
   * (evidence ageing out, coverage and addresses starting or ending, birthdays), so the outcome is re-judged on
   * each of them within the program's validity and the first change ends the determination's life.
   */
  private LocalDate validUntil(ProgramDefinition program, ClientEvidence known, Evaluation evaluation,
      DeterminationOutcome outcome) {
    LocalDate limit = evaluation.date().plus(program.validFor());
    for (LocalDate day : evaluation.changeDates().headSet(limit.plusDays(1))) {
      Evaluation later = new Evaluation(known, day, program.countDeniedClaims());
      if (outcome(judge.judgeAll(program.criteria(), later)) != outcome) {
        return day.minusDays(1);
      }
    }
    return limit;
  }

  private static DeterminationOutcome outcome(List<Judgement> required) {
    return DeterminationOutcome.of(CriterionResult.allOf(required.stream().map(Judgement::result).toList()));
  }

  /** What could have been known on the day: events after it have not happened yet as far as the rules go. */
  private static ClientEvidence knownOn(ClientEvidence evidence, LocalDate day) {
    return new ClientEvidence(
        evidence.birthDate(),
        evidence.episodes().stream().filter(episode -> !episode.start().isAfter(day)).toList(),
        evidence.diagnoses().stream().filter(fact -> !fact.date().isAfter(day)).toList(),
        evidence.coverage(),
        evidence.addresses(),
        evidence.scores().stream().filter(score -> !score.date().isAfter(day)).toList(),
        evidence.screeningAnswers().stream().filter(answer -> !answer.date().isAfter(day)).toList());
  }
}
