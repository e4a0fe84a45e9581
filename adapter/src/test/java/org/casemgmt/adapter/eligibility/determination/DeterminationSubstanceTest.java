package org.casemgmt.adapter.eligibility.determination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.casemgmt.adapter.eligibility.Determination;
import org.casemgmt.adapter.eligibility.EligibilityEngine;
import org.casemgmt.adapter.eligibility.ShippedPrograms;
import org.casemgmt.adapter.eligibility.evidence.AddressFact;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.evidence.CoverageSpan;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisSource;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two evaluations are one determination (nothing written) exactly when what they say is the same: the outcome, the
 * rules' version, each criterion's result, what is missing, the last valid day and the records judged. When they
 * were made, the wording of the explanations and the order the records were named in do not count.
 */
class DeterminationSubstanceTest {
  private static final ProgramDefinition PROGRAM = ShippedPrograms.loader()
      .loadDirectory(Path.of("../config/programs")).find("claims-driven-tailored").orElseThrow();
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  private static final String CLIENT = "Patient/41";
  private static final Date ISSUED = new Date(1772352000000L);

  /** Eligible: two stays within 24 months, schizophrenia from a clinician, Medicaid, Sangamon county. */
  private static final ClientEvidence ELIGIBLE = new ClientEvidence(LocalDate.of(1986, 5, 17),
      List.of(stay("2025-03-02", "Encounter/1"), stay("2025-09-10", "Encounter/2")),
      List.of(new DiagnosisFact("F20.9", DiagnosisSource.CLINICIAN_CONDITION, LocalDate.of(2025, 3, 2), null, false,
          "Condition/4")),
      List.of(new CoverageSpan(PayerKind.MEDICAID, LocalDate.of(2024, 1, 1), null, "Coverage/5")),
      List.of(new AddressFact("IL", "Sangamon", "62704", null, null, CLIENT)), List.of(), List.of());

  static Stream<Arguments> evaluations() {
    return Stream.of(
        Arguments.of("the same evidence judged again later", same(), DAY, ISSUED.getTime() + 3_600_000, true),
        Arguments.of("a third stay: the same outcome on other records", withEpisodes(
            stay("2025-03-02", "Encounter/1"), stay("2025-09-10", "Encounter/2"), stay("2025-12-01", "Encounter/9")),
            DAY, ISSUED.getTime(), false),
        Arguments.of("one stay fewer: not eligible", withEpisodes(stay("2025-03-02", "Encounter/1")), DAY,
            ISSUED.getTime(), false),
        Arguments.of("the stays named the other way round", withEpisodes(
            stay("2025-09-10", "Encounter/2"), stay("2025-03-02", "Encounter/1")), DAY, ISSUED.getTime(), true),
        Arguments.of("no address: residency missing", (UnaryOperator<ClientEvidence>) evidence ->
            new ClientEvidence(evidence.birthDate(), evidence.episodes(), evidence.diagnoses(), evidence.coverage(),
                List.of(), evidence.scores(), evidence.screeningAnswers()), DAY, ISSUED.getTime(), false),
        Arguments.of("judged a day later: it holds to another day", same(), DAY.plusDays(1), ISSUED.getTime(),
            false));
  }

  @ParameterizedTest(name = "{0}: same determination = {4}")
  @MethodSource("evaluations")
  void twoEvaluationsAreOneDeterminationExactlyWhenTheySayTheSame(String change,
      UnaryOperator<ClientEvidence> evidence, LocalDate day, long issued, boolean same) {
    DeterminationSubstance stored = substance(ELIGIBLE, DAY, ISSUED);

    assertThat(substance(evidence.apply(ELIGIBLE), day, new Date(issued)).equals(stored)).isEqualTo(same);
  }

  /** A version whose Provenance is missing cannot show the records it was judged on: it is written again. */
  @Test
  void aStoredDeterminationWithoutItsProvenanceIsNotTheSame() {
    Determination determination = new EligibilityEngine().evaluate(PROGRAM, ELIGIBLE, DAY);
    DeterminationSubstance withoutProvenance = DeterminationSubstance.of(
        DeterminationObservation.of(PROGRAM, determination, CLIENT, ISSUED, List.of()), null);

    assertThat(withoutProvenance).isNotEqualTo(substance(ELIGIBLE, DAY, ISSUED));
  }

  private static DeterminationSubstance substance(ClientEvidence evidence, LocalDate day, Date issued) {
    Determination determination = new EligibilityEngine().evaluate(PROGRAM, evidence, day);
    Provenance provenance = DeterminationProvenance.of(PROGRAM, determination, issued);
    return DeterminationSubstance.of(DeterminationObservation.of(PROGRAM, determination, CLIENT, issued, List.of()),
        provenance);
  }

  private static UnaryOperator<ClientEvidence> same() {
    return evidence -> evidence;
  }

  private static UnaryOperator<ClientEvidence> withEpisodes(PsychiatricEpisode... episodes) {
    List<PsychiatricEpisode> list = new ArrayList<>();
    Collections.addAll(list, episodes);
    return evidence -> new ClientEvidence(evidence.birthDate(), list, evidence.diagnoses(), evidence.coverage(),
        evidence.addresses(), evidence.scores(), evidence.screeningAnswers());
  }

  private static PsychiatricEpisode stay(String start, String reference) {
    LocalDate day = LocalDate.parse(start);
    return new PsychiatricEpisode(EpisodeKind.INPATIENT, day, day.plusDays(7), Origin.CLINICAL, reference);
  }
}
