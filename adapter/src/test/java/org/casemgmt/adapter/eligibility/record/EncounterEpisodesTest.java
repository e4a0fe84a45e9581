package org.casemgmt.adapter.eligibility.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Encounters are psychiatric episodes, of what kind and origin, over which days. */
class EncounterEpisodesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # case                                             | status           | kind                  | written by    | start                     | end                       | episode
      an ADT psychiatric stay is a clinical inpatient episode | finished    | psychiatric-inpatient | adt           | 2025-03-02T08:00:00-06:00 | 2025-03-10T11:30:00-06:00 | INPATIENT 2025-03-02..2025-03-10 CLINICAL
      a stay still going on has no end                  | in-progress      | psychiatric-inpatient | adt           | 2025-03-02T08:00:00-06:00 | -                         | INPATIENT 2025-03-02.. CLINICAL
      days are the sender's, not UTC's                   | finished         | psychiatric-emergency | adt           | 2025-03-02T23:30:00-06:00 | 2025-03-03T01:00:00-06:00 | EMERGENCY 2025-03-02..2025-03-03 CLINICAL
      a claims emergency visit has claim origin          | finished         | psychiatric-emergency | claims        | 2025-04-01                | 2025-04-01                | EMERGENCY 2025-04-01..2025-04-01 CLAIM
      a crisis day on denied claims only is marked so    | finished         | crisis-service        | denied-claims | 2025-04-02                | 2025-04-02                | CRISIS 2025-04-02..2025-04-02 DENIED_CLAIM
      a cancelled admission did not happen               | cancelled        | psychiatric-inpatient | adt           | 2025-03-02T08:00:00-06:00 | -                         | none
      a stay retracted by a void did not happen          | entered-in-error | psychiatric-inpatient | claims        | 2025-05-01                | 2025-05-04                | none
      a planned admission has not happened               | planned          | psychiatric-inpatient | adt           | 2025-05-01                | -                         | none
      a medical stay is not psychiatric service use      | finished         | medical-inpatient     | adt           | 2025-03-02                | 2025-03-04                | none
      a visit without a kind is not counted              | finished         | -                     | adt           | 2025-03-02                | 2025-03-04                | none
      a start known only to the month cannot be placed   | finished         | psychiatric-inpatient | adt           | 2025-03                   | -                         | none
      an end before the start is dropped                 | finished         | psychiatric-inpatient | adt           | 2025-03-10                | 2025-03-02                | INPATIENT 2025-03-10.. CLINICAL
      """)
  void episode(String name, String status, String kind, String writtenBy, String start, String end,
      String expected) {
    Encounter encounter = new Encounter();
    encounter.setId("Encounter/7");
    encounter.setStatus(Encounter.EncounterStatus.fromCode(status));
    if (kind != null) {
      encounter.addType(new CodeableConcept(new Coding(EncounterEpisodes.ENCOUNTER_KIND, kind, null)));
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
