package org.casemgmt.adapter.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
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
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.junit.jupiter.api.Test;

/** What a determination carries besides its outcome, and one client under several programs. */
class EligibilityEngineTest {
  private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");

  private final EligibilityEngine engine = new EligibilityEngine();
  private final ProgramDefinitions programs =
      ShippedPrograms.loader().loadDirectory(Path.of("../config/programs"));

  /**
   * A client with a clinician's bipolar diagnosis, one psychiatric admission last year, a low functional assessment,
   * Medicaid and a home in Sangamon county.
   */
  private final ClientEvidence client = new ClientEvidence(
      LocalDate.parse("1979-09-30"),
      List.of(new PsychiatricEpisode(EpisodeKind.INPATIENT, LocalDate.parse("2025-06-01"),
          LocalDate.parse("2025-06-12"), Origin.CLINICAL, "Encounter/1")),
      List.of(new DiagnosisFact("F31.2", DiagnosisSource.CLINICIAN_CONDITION, LocalDate.parse("2025-06-05"), null,
          false, "Condition/2")),
      List.of(new CoverageSpan(PayerKind.MEDICAID, LocalDate.parse("2022-01-01"), null, "Coverage/3")),
      List.of(new AddressFact("IL", "Sangamon", "62701", LocalDate.parse("2015-01-01"), null, "Patient/4")),
      List.of(new AssessmentScore(ScoreKind.FUNCTIONAL_ASSESSMENT_TOTAL, BigDecimal.valueOf(17),
          LocalDate.parse("2026-01-15"), "Observation/5")),
      List.of());

  @Test
  void oneClientCanBeEligibleForOneProgramAndNotAnother() {
    assertThat(engine.evaluate(programs.get("claims-driven-tailored"), client, MARCH_1).outcome())
        .as("one admission is not two").isEqualTo(DeterminationOutcome.NOT_ELIGIBLE);
    assertThat(engine.evaluate(programs.get("smi-functional-impairment"), client, MARCH_1).outcome())
        .as("an admission within 12 months, or the low score").isEqualTo(DeterminationOutcome.ELIGIBLE);
    assertThat(engine.evaluate(programs.get("smi-target-population"), client, MARCH_1).outcome())
        .as("a treatment history").isEqualTo(DeterminationOutcome.ELIGIBLE);
  }

  @Test
  void aDeterminationNamesItsProgramVersionAndDates() {
    Determination determination = engine.evaluate(programs.get("smi-functional-impairment"), client, MARCH_1);

    assertThat(determination.program()).isEqualTo("smi-functional-impairment");
    assertThat(determination.programVersion()).isEqualTo("2026.1");
    assertThat(determination.evaluationDate()).isEqualTo(MARCH_1);
    assertThat(determination.validUntil()).isEqualTo(MARCH_1.plusDays(180));
    assertThat(determination.criteria()).extracting(Judgement::criterion)
        .containsExactly("diagnosis", "functional-impairment", "residency", "payer", "age");
    assertThat(determination.outcome().code()).isEqualTo("eligible");
  }

  @Test
  void theEvidenceOfADeterminationIsEveryFactUsedOnce() {
    Determination determination = engine.evaluate(programs.get("smi-functional-impairment"), client, MARCH_1);

    assertThat(determination.evidence()).extracting(EvidenceUsed::reference)
        .containsExactly("Condition/2", "Observation/5", "Encounter/1", "Patient/4", "Coverage/3");
  }

  @Test
  void theImpairmentMeasuresCarryTheirWindowAndValueForTheEvidenceRecord() {
    Determination determination = engine.evaluate(programs.get("smi-functional-impairment"), client, MARCH_1);

    Judgement admissions = determination.judgement("psych-inpatient-episodes").orElseThrow();
    assertThat(admissions.lookback()).isEqualTo(new Lookback(LocalDate.parse("2025-03-01"), MARCH_1,
        Period.ofMonths(12)));
    assertThat(admissions.value()).isEqualByComparingTo("1");
    assertThat(admissions.evidence()).containsExactly(
        new EvidenceUsed("Encounter/1", LocalDate.parse("2025-06-01"), "psychiatric inpatient episode"));
  }

  @Test
  void evidenceAfterTheEvaluationDateIsIgnored() {
    Determination before = engine.evaluate(programs.get("smi-functional-impairment"), client,
        LocalDate.parse("2025-05-31"));

    assertThat(before.judgement("psych-inpatient-episodes").orElseThrow().value()).isEqualByComparingTo("0");
    assertThat(before.judgement("diagnosis").orElseThrow().result()).as("recorded 2025-06-05")
        .isEqualTo(CriterionResult.UNKNOWN);
    assertThat(before.judgement("functional-assessment-score").orElseThrow().result()).as("done 2026-01-15")
        .isEqualTo(CriterionResult.UNKNOWN);
    assertThat(before.outcome()).isEqualTo(DeterminationOutcome.INSUFFICIENT_INFORMATION);
  }

  @Test
  void aClientOfWhomNothingIsKnownListsWhatIsMissing() {
    Determination determination = engine.evaluate(programs.get("smi-functional-impairment"), ClientEvidence.none(),
        MARCH_1);

    assertThat(determination.outcome()).isEqualTo(DeterminationOutcome.INSUFFICIENT_INFORMATION);
    assertThat(determination.missing()).containsExactly(
        "no diagnosis data",
        "no information on housing instability within 12 months (since 2025-03-01)",
        "no information on unemployment within 12 months (since 2025-03-01)",
        "no functional assessment total score within 12 months (since 2025-03-01)",
        "no PHQ-9 within 12 months (since 2025-03-01)",
        "no residency address", "no coverage data", "no birth date");
  }

  /**
   * Claims and ADT report service use, so none on record fails the claims-driven program's impairment test, and a
   * failed required criterion decides the outcome whatever else is unknown; the unknowns stay on their judgements.
   */
  @Test
  void withoutServiceUseTheClaimsDrivenProgramIsNotMetEvenWhenOtherCriteriaAreUnknown() {
    Determination determination = engine.evaluate(programs.get("claims-driven-tailored"), ClientEvidence.none(),
        MARCH_1);

    assertThat(determination.outcome()).isEqualTo(DeterminationOutcome.NOT_ELIGIBLE);
    assertThat(determination.missing()).isEmpty();
    assertThat(determination.judgement("functional-impairment").orElseThrow().result())
        .isEqualTo(CriterionResult.NOT_MET);
    assertThat(determination.judgement("payer").orElseThrow().missing()).containsExactly("no coverage data");
  }
}
