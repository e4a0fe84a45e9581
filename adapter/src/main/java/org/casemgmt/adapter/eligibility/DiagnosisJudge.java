package org.casemgmt.adapter.eligibility;

import java.util.ArrayList;
import java.util.List;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisSource;
import org.casemgmt.adapter.eligibility.program.Criterion;

/**
 * A qualifying diagnosis, confirmed by any of the program's routes: an active clinician-entered Condition, enough
 * inpatient claims, or outpatient claims on enough different days within the lookback (the CCW-style rule).
 */
final class DiagnosisJudge {

  Judgement judge(Criterion.Diagnosis rule, Evaluation evaluation) {
    List<DiagnosisFact> recorded = evaluation.evidence().diagnoses();
    if (recorded.isEmpty()) {
      return new Judgement(rule.id(), CriterionResult.UNKNOWN, "No diagnosis is recorded", List.of(), null, null,
          List.of(), List.of("no diagnosis data"));
    }
    Criterion.Confirmation confirmation = rule.confirmedBy();
    Lookback claimWindow = evaluation.lookback(confirmation.within());
    List<DiagnosisFact> qualifying = recorded.stream()
        .filter(fact -> evaluation.countDeniedClaims() || !fact.denied())
        .filter(fact -> rule.qualifies(fact.code()))
        .toList();

    List<DiagnosisFact> conditions = !confirmation.clinicianCondition() ? List.of() : qualifying.stream()
        .filter(fact -> fact.source() == DiagnosisSource.CLINICIAN_CONDITION)
        .filter(fact -> fact.until() == null || !fact.until().isBefore(evaluation.date()))
        .toList();
    conditions.forEach(fact -> evaluation.inputsChangeOn(fact.until() == null ? null : fact.until().plusDays(1)));
    List<DiagnosisFact> inpatient = claims(qualifying, DiagnosisSource.INPATIENT_CLAIM,
        confirmation.inpatientClaims(), claimWindow, evaluation);
    List<DiagnosisFact> outpatient = claims(qualifying, DiagnosisSource.OUTPATIENT_CLAIM,
        confirmation.outpatientClaims(), claimWindow, evaluation);
    long inpatientClaims = inpatient.stream().map(DiagnosisFact::reference).distinct().count();
    long outpatientDays = outpatient.stream().map(DiagnosisFact::date).distinct().count();

    // When confirmed, the routes that confirmed it; otherwise every route and how far each got.
    List<String> routes = new ArrayList<>();
    boolean byCondition = !conditions.isEmpty();
    boolean byInpatient = confirmation.inpatientClaims() > 0 && inpatientClaims >= confirmation.inpatientClaims();
    boolean byOutpatient = confirmation.outpatientClaims() > 0 && outpatientDays >= confirmation.outpatientClaims();
    boolean confirmed = byCondition || byInpatient || byOutpatient;
    if (confirmation.clinicianCondition() && (byCondition || !confirmed)) {
      routes.add(byCondition ? codes(conditions) + " on an active clinician-entered Condition (recorded "
          + conditions.get(0).date() + ")" : "no active clinician-entered Condition with a qualifying code");
    }
    if (confirmation.inpatientClaims() > 0 && (byInpatient || !confirmed)) {
      routes.add((inpatient.isEmpty() ? "no qualifying inpatient claim"
          : codes(inpatient) + " on " + Words.count(inpatientClaims, "inpatient claim")) + " "
          + Words.within(claimWindow) + ", " + confirmation.inpatientClaims() + " needed");
    }
    if (confirmation.outpatientClaims() > 0 && (byOutpatient || !confirmed)) {
      routes.add((outpatient.isEmpty() ? "no qualifying outpatient claim"
          : codes(outpatient) + " on outpatient claims on " + Words.count(outpatientDays, "day")) + " "
          + Words.within(claimWindow) + ", " + confirmation.outpatientClaims() + " different days needed");
    }
    String explanation = (confirmed ? "Qualifying diagnosis confirmed: " : "No confirmed qualifying diagnosis: ")
        + String.join("; ", routes);

    List<EvidenceUsed> evidence = new ArrayList<>();
    conditions.forEach(fact -> evidence.add(used(fact, "on a clinician-entered Condition")));
    inpatient.forEach(fact -> evidence.add(used(fact, "on an inpatient claim")));
    outpatient.forEach(fact -> evidence.add(used(fact, "on an outpatient claim")));
    return new Judgement(rule.id(), confirmed ? CriterionResult.MET : CriterionResult.NOT_MET, explanation,
        evidence, confirmation.inpatientClaims() + confirmation.outpatientClaims() > 0 ? claimWindow : null,
        null, List.of(), List.of());
  }

  /** Claims of one setting within the window, when that setting confirms at all. */
  private static List<DiagnosisFact> claims(List<DiagnosisFact> qualifying, DiagnosisSource source, int needed,
      Lookback window, Evaluation evaluation) {
    if (needed == 0) {
      return List.of();
    }
    List<DiagnosisFact> claims = qualifying.stream()
        .filter(fact -> fact.source() == source && window.contains(fact.date()))
        .toList();
    claims.forEach(fact -> evaluation.inputsChangeOn(window.agesOutOn(fact.date())));
    return claims;
  }

  /** "F20.9, F25.0": the facts' distinct codes. */
  private static String codes(List<DiagnosisFact> facts) {
    return String.join(", ", facts.stream().map(DiagnosisFact::code).distinct().toList());
  }

  private static EvidenceUsed used(DiagnosisFact fact, String where) {
    return new EvidenceUsed(fact.reference(), fact.date(),
        fact.code() + " " + where + (fact.denied() ? " (denied)" : ""));
  }
}
