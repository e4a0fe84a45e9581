package org.casemgmt.adapter.eligibility.determination;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.EligibilityEngine;
import org.casemgmt.adapter.eligibility.ShippedPrograms;
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
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.casemgmt.adapter.eligibility.record.ClaimReference;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an evaluation writes conforms to the guide in every shape it takes (every shipped program, each outcome):
 * the service trusts this and does not validate these resources again on each write (see
 * {@code ProfileEnforcement.BUILT_TO_PROFILE}). And it says what the determination says.
 */
class DeterminationResourcesTest {
  private static final ImplementationGuide GUIDE = new ImplementationGuide(FhirContext.forR4Cached());
  private static final ProgramDefinitions PROGRAMS =
      ShippedPrograms.loader().loadDirectory(Path.of("../config/programs"));
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  private static final Date ISSUED = new Date(1772352000000L);
  private static final String CLIENT = "Patient/41";

  /** Someone with evidence of every kind: two stays, an SMI diagnosis on a claim, Medicaid, Sangamon county. */
  private static final ClientEvidence RICH = new ClientEvidence(LocalDate.of(1986, 5, 17),
      List.of(episode(EpisodeKind.INPATIENT, "2025-03-02", "Encounter/1", Origin.CLINICAL),
          episode(EpisodeKind.INPATIENT, "2025-09-10", "Encounter/2", Origin.CLAIM),
          episode(EpisodeKind.CRISIS, "2025-10-01", "Encounter/3", Origin.DENIED_CLAIM)),
      List.of(new DiagnosisFact("F20.9", DiagnosisSource.INPATIENT_CLAIM, LocalDate.of(2025, 9, 10), null, false,
              ClaimReference.of("IP-1")),
          new DiagnosisFact("Z59.00", DiagnosisSource.INPATIENT_CLAIM, LocalDate.of(2025, 9, 10), null, false,
              ClaimReference.of("IP-1")),
          new DiagnosisFact("F20.9", DiagnosisSource.CLINICIAN_CONDITION, LocalDate.of(2025, 3, 2), null, false,
              "Condition/4")),
      List.of(new CoverageSpan(PayerKind.MEDICAID, LocalDate.of(2024, 1, 1), null, "Coverage/5")),
      List.of(new AddressFact("IL", "Sangamon", "62704", null, null, CLIENT)),
      List.of(new AssessmentScore(ScoreKind.PHQ9_TOTAL, BigDecimal.valueOf(21), LocalDate.of(2026, 1, 5),
              "Observation/6"),
          new AssessmentScore(ScoreKind.FUNCTIONAL_ASSESSMENT_TOTAL, BigDecimal.valueOf(30), LocalDate.of(2026, 1, 5),
              "Observation/7"),
          new AssessmentScore(ScoreKind.FUNCTIONAL_ASSESSMENT_MEAN, new BigDecimal("2.25"),
              LocalDate.of(2026, 1, 5), "Observation/8")),
      List.of(new ScreeningAnswer("employment", "employed-full-time", LocalDate.of(2026, 1, 5),
          "QuestionnaireResponse/9")));
  /** Someone only a name is known of. */
  private static final ClientEvidence NOTHING = ClientEvidence.none();
  /** Known, but living in another state and with another payer. */
  private static final ClientEvidence ELSEWHERE = new ClientEvidence(LocalDate.of(1990, 1, 1), List.of(), List.of(),
      List.of(new CoverageSpan(PayerKind.OTHER, null, null, "Coverage/10")),
      List.of(new AddressFact("MO", null, "63101", null, null, CLIENT)), List.of(), List.of());

  static Stream<Arguments> everyProgramAndOutcome() {
    return PROGRAMS.ids().stream().sorted().flatMap(program -> Stream.of(
        Arguments.of(program, "rich", RICH), Arguments.of(program, "nothing", NOTHING),
        Arguments.of(program, "elsewhere", ELSEWHERE)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyProgramAndOutcome")
  void everyResourceAnEvaluationWritesConforms(String programId, String client, ClientEvidence evidence) {
    ProgramDefinition program = PROGRAMS.get(programId);
    Determination determination = new EligibilityEngine().evaluate(program, evidence, DAY);

    List<Observation> impairment = ImpairmentEvidence.of(determination, CLIENT, evidence.birthDate(), ISSUED);
    Observation written = DeterminationObservation.of(program, determination, CLIENT, ISSUED,
        impairment.stream().map(observation -> "urn:uuid:" + observation.getCode().getCodingFirstRep().getCode())
            .toList());
    Provenance provenance = DeterminationProvenance.of(program, determination, ISSUED);
    provenance.addTarget(new Reference(CLIENT.replace("Patient", "Observation")));

    assertConforms(written);
    impairment.forEach(DeterminationResourcesTest::assertConforms);
    assertConforms(provenance);
    assertThat(written.getComponent()).hasSize(program.criteria().size());
    assertThat(written.getValueCodeableConcept().getCodingFirstRep().getCode())
        .isEqualTo(determination.outcome().code());
  }

  @Test
  void theDeterminationCarriesTheOutcomeEachCriterionWithItsReasonsTheProgramAndTheWindowItHolds() {
    ProgramDefinition program = PROGRAMS.get("claims-driven-tailored");
    Determination determination = new EligibilityEngine().evaluate(program, RICH, DAY);

    Observation written = DeterminationObservation.of(program, determination, CLIENT, ISSUED,
        List.of("urn:uuid:evidence-1"));

    assertThat(written.getIdentifierFirstRep().getSystem())
        .isEqualTo("https://fhir.casemgmt-adapter.org/sid/eligibility-determination");
    assertThat(written.getIdentifierFirstRep().getValue()).isEqualTo("claims-driven-tailored/41");
    assertThat(written.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("eligible");
    assertThat(written.getValueCodeableConcept().getText())
        .isEqualTo("Eligible for Claims-driven tailored plan (24-month service use) on 2026-03-01, valid until "
            + determination.validUntil());
    assertThat(written.getMethod().getCodingFirstRep().getCode()).isEqualTo("claims-driven-tailored");
    assertThat(written.getMethod().getCodingFirstRep().getVersion()).isEqualTo("2026.1");
    assertThat(written.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2026-03-01");
    assertThat(written.getEffectivePeriod().getEndElement().getValueAsString())
        .isEqualTo(determination.validUntil().toString());
    assertThat(written.getComponent()).extracting(component -> component.getCode().getCodingFirstRep().getCode()
            + " " + component.getValueCodeableConcept().getCodingFirstRep().getCode())
        .containsExactly("diagnosis met", "functional-impairment met", "residency met", "payer met", "age met");
    assertThat(written.getComponent().get(1).getValueCodeableConcept().getText())
        .contains("2 psychiatric inpatient episodes within 24 months");
    assertThat(written.getNote()).isEmpty();
    // The impairment evidence, and the assessments read (none here: this program reads no scores).
    assertThat(written.getDerivedFrom()).extracting(Reference::getReference).containsExactly("urn:uuid:evidence-1");
  }

  @Test
  void insufficientInformationSaysWhatIsMissing() {
    ProgramDefinition program = PROGRAMS.get("claims-driven-tailored");
    ClientEvidence homeless = new ClientEvidence(null, RICH.episodes(), RICH.diagnoses(), List.of(), List.of(),
        List.of(), List.of());
    Determination determination = new EligibilityEngine().evaluate(program, homeless, DAY);

    Observation written = DeterminationObservation.of(program, determination, CLIENT, ISSUED, List.of());

    assertThat(written.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("insufficient-information");
    assertThat(written.getNote()).extracting(note -> note.getText())
        .containsExactly("Missing: no residency address", "Missing: no coverage data", "Missing: no birth date");
  }

  @Test
  void aCombinationOfCriteriaIsNamedInTextForNoCodeSystemHasIt() {
    ProgramDefinition program = PROGRAMS.get("smi-target-population");
    Observation written = DeterminationObservation.of(program, new EligibilityEngine().evaluate(program, RICH, DAY),
        CLIENT, ISSUED, List.of());

    Observation.ObservationComponentComponent either = written.getComponent().get(1);
    assertThat(either.getCode().hasCoding()).isFalse();
    assertThat(either.getCode().getText()).isEqualTo("any of: treatment-history, functional-impairment");
    assertThat(either.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("met");
    // The scores it read are what the determination was derived from, beside its impairment evidence.
    assertThat(written.getDerivedFrom()).extracting(Reference::getReference)
        .contains("Observation/6", "Observation/8").doesNotContain("Encounter/1", "Coverage/5");
  }

  @Test
  void eachMeasureJudgedIsImpairmentEvidenceOverItsWindow() {
    ProgramDefinition program = PROGRAMS.get("smi-target-population");
    Determination determination = new EligibilityEngine().evaluate(program, RICH, DAY);

    List<Observation> evidence = ImpairmentEvidence.of(determination, CLIENT, RICH.birthDate(), ISSUED);

    assertThat(evidence).extracting(ImpairmentEvidenceTestView::describe).containsExactly(
        // treatment history: lifetime windows start at birth
        "psych-inpatient-episodes 1986-05-17..2026-03-01 = 2 [smi-target-population/41/psych-inpatient-episodes/"
            + "lifetime]",
        "state-hospital-admission 1986-05-17..2026-03-01 = 0 [smi-target-population/41/state-hospital-admission/"
            + "lifetime]",
        // the denied crisis claim does not count under this program
        "crisis-episodes 2025-03-01..2026-03-01 = 0 [smi-target-population/41/crisis-episodes/P12M]",
        "housing-instability 2025-03-01..2026-03-01 = true [smi-target-population/41/housing-instability/P12M]",
        "unemployment 2025-03-01..2026-03-01 = false [smi-target-population/41/unemployment/P12M]",
        "functional-assessment-score 2025-03-01..2026-03-01 = 2.25 [smi-target-population/41/"
            + "functional-assessment-score/P12M]",
        "phq9-severity 2025-03-01..2026-03-01 = 21 [smi-target-population/41/phq9-severity/P12M]",
        "psych-ed-visits 2025-03-01..2026-03-01 = 0 [smi-target-population/41/psych-ed-visits/P12M]");
    assertThat(evidence.get(6).getDerivedFrom()).extracting(Reference::getReference).containsExactly("Observation/6");
    assertThat(evidence.get(4).getDerivedFrom()).extracting(Reference::getReference)
        .containsExactly("QuestionnaireResponse/9");
  }

  @Test
  void withoutABirthDateALifetimeWindowHasNoStartAndNoMeasureIsKeptThatWasNotMeasured() {
    ProgramDefinition program = PROGRAMS.get("smi-target-population");
    Determination determination = new EligibilityEngine().evaluate(program, NOTHING, DAY);

    List<Observation> evidence = ImpairmentEvidence.of(determination, CLIENT, null, ISSUED);

    // No lifetime counts (no start), no scores or needs (nothing recorded): the windowed counts of zero remain.
    assertThat(evidence).extracting(observation -> observation.getCode().getCodingFirstRep().getCode())
        .containsExactly("crisis-episodes", "psych-ed-visits");
  }

  @Test
  void theProvenanceNamesEveryRecordOnceAndClaimsByTheirIdentifier() {
    ProgramDefinition program = PROGRAMS.get("claims-driven-tailored");
    Determination determination = new EligibilityEngine().evaluate(program, RICH, DAY);

    Provenance provenance = DeterminationProvenance.of(program, determination, ISSUED);

    assertThat(provenance.getEntity()).extracting(entity -> entity.getWhat().hasIdentifier()
            ? entity.getWhat().getIdentifier().getSystem() + "|" + entity.getWhat().getIdentifier().getValue()
            : entity.getWhat().getReference())
        .containsExactlyInAnyOrder("Condition/4", ClaimReference.of("IP-1"), "Encounter/1", "Encounter/2",
            CLIENT, "Coverage/5");
    assertThat(provenance.getEntity()).allSatisfy(entity ->
        assertThat(entity.getRole()).isEqualTo(Provenance.ProvenanceEntityRole.SOURCE));
  }

  private static void assertConforms(Resource resource) {
    assertThat(GUIDE.errors(resource)).as(resource.fhirType() + " " + FhirContext.forR4Cached().newJsonParser()
        .encodeResourceToString(resource)).isEmpty();
  }

  private static PsychiatricEpisode episode(EpisodeKind kind, String start, String reference, Origin origin) {
    LocalDate day = LocalDate.parse(start);
    return new PsychiatricEpisode(kind, day, day.plusDays(kind == EpisodeKind.INPATIENT ? 7 : 0), origin, reference);
  }

  private static final class ImpairmentEvidenceTestView {
    static String describe(Observation observation) {
      return observation.getCode().getCodingFirstRep().getCode() + " "
          + observation.getEffectivePeriod().getStartElement().getValueAsString() + ".."
          + observation.getEffectivePeriod().getEndElement().getValueAsString() + " = "
          + (observation.getValue() instanceof org.hl7.fhir.r4.model.Quantity quantity
              ? quantity.getValue().toPlainString() : observation.getValue().primitiveValue())
          + " [" + observation.getIdentifierFirstRep().getValue() + "]";
    }
  }
}
