package org.casemgmt.adapter.eligibility.record;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.eligibility.evidence.ClientEvidence;
import org.casemgmt.adapter.eligibility.evidence.DiagnosisFact;
import org.casemgmt.adapter.eligibility.evidence.ScreeningAnswer;
import org.hl7.fhir.r4.model.Patient;

/** A client's record as the engine's evidence: each kind of resource through its own mapping. */
final class EvidenceFromRecord {
  private final CoverageSpans coverageSpans;

  EvidenceFromRecord(CoverageTypes coverageTypes) {
    this.coverageSpans = new CoverageSpans(coverageTypes);
  }

  ClientEvidence evidence(ClientRecord record) {
    List<DiagnosisFact> diagnoses = new ArrayList<>();
    record.conditions().forEach(condition -> diagnoses.addAll(ConditionDiagnoses.facts(condition)));
    record.claimDiagnoses().forEach(diagnosis -> diagnoses.add(diagnosis.fact()));
    List<ScreeningAnswer> answers = new ArrayList<>();
    record.responses().forEach(response -> answers.addAll(Assessments.answers(response)));
    return new ClientEvidence(
        birthDate(record.client()),
        record.encounters().stream().map(EncounterEpisodes::episode).flatMap(Optional::stream).toList(),
        diagnoses,
        record.coverages().stream().map(coverageSpans::span).flatMap(Optional::stream).toList(),
        Residences.addresses(record.client()),
        record.scores().stream().map(Assessments::score).flatMap(Optional::stream).toList(),
        answers);
  }

  /** Only a full date: a year of birth alone cannot say on which day someone turns 18. */
  private static LocalDate birthDate(Patient client) {
    return client.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.DAY
        ? FhirDates.day(client.getBirthDateElement()) : null;
  }
}
