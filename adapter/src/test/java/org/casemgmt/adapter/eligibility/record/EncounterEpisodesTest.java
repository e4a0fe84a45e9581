package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Which Encounters are psychiatric episodes, of what kind and origin, over which days.
 * The cases, one per row: {@code src/test/resources/eligibility/record/encounters.csv}.
 */
class EncounterEpisodesTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/eligibility/record/encounters.csv", delimiter = '|', nullValues = "-",
      numLinesToSkip = 1)
  void episode(String name, String status, String kind, String writtenBy, String start, String end,
      String expected) {
    Encounter encounter = new Encounter();
    encounter.setId("Encounter/7");
    encounter.setStatus(Encounter.EncounterStatus.fromCode(status));
    if (kind != null) {
      encounter.addType(new CodeableConcept(new Coding(EncounterKind.SYSTEM, kind, null)));
    }
    if (!writtenBy.equals("adt")) {
      encounter.addIdentifier().setSystem(EncounterEpisodes.CLAIMS_EPISODE).setValue("MCD1|X|" + start);
    }
    if (writtenBy.equals("denied-claims")) {
      encounter.getMeta().addTag(EncounterEpisodes.CASE_MANAGEMENT, "denied-claims", null);
    }
    encounter.getPeriod().setStartElement(new DateTimeType(start));
    if (end != null) {
      encounter.getPeriod().setEndElement(new DateTimeType(end));
    }

    Optional<PsychiatricEpisode> episode = EncounterEpisodes.episode(encounter);

    assertThat(episode.map(found -> found.kind() + " " + found.start() + ".." + (found.end() == null ? ""
        : found.end()) + " " + found.origin()).orElse("none")).isEqualTo(expected);
    episode.ifPresent(found -> assertThat(found.reference()).isEqualTo("Encounter/7"));
  }
}
