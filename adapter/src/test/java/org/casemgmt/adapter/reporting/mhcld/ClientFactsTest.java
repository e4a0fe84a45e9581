package org.casemgmt.adapter.reporting.mhcld;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.eligibility.CriterionResult;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the BCI record says of a client, in the record's codes: table cases per fact. */
class ClientFactsTest {
  private static final ReportingPeriod PERIOD = ReportingPeriod.endingIn(2026, 7);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      adult, both criteria met                 | met     | met     | 1990-01-01 | smi
      17 at the midpoint (2025-12-30)          | met     | met     | 2007-12-31 | sed
      18 at the midpoint (2025-12-30)          | met     | met     | 2007-12-30 | smi
      no impairment found                      | met     | not-met | 1990-01-01 | not-smi-sed
      no qualifying diagnosis                  | not-met | met     | 1990-01-01 | not-smi-sed
      impairment unknown                       | met     | unknown | 1990-01-01 |
      met, but age unknown                     | met     | met     |            |
      """)
  void seriousMentalIllnessAsTheDeterminationFoundIt(String description, String diagnosis, String impairment,
      LocalDate born, String expected) {
    Observation determination = new Observation();
    determination.addComponent().setCode(criterion("diagnosis")).setValue(result(diagnosis));
    determination.addComponent().setCode(criterion("functional-impairment")).setValue(result(impairment));
    determination.addComponent().setCode(criterion("payer")).setValue(result("not-met"));

    assertThat(ClientFacts.smiSed(determination, born, PERIOD)).as(description).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      recorded in the period                     | F20.9 | 2025-09-01 | active   | confirmed        |            | F209
      recorded before, still active              | F31.1 | 2020-01-01 | active   | confirmed        |            | F311
      recorded after the period                  | F20.9 | 2026-07-01 | active   | confirmed        |            |
      resolved before the period                 | F32.1 | 2020-01-01 | resolved | confirmed        | 2025-06-30 |
      resolved during the period                 | F32.1 | 2020-01-01 | resolved | confirmed        | 2025-07-01 | F321
      resolved, no date: not known to be current | F32.1 | 2020-01-01 | resolved | confirmed        |            |
      refuted                                    | F20.9 | 2025-09-01 | active   | refuted          |            |
      entered in error                           | F20.9 | 2025-09-01 | active   | entered-in-error |            |
      not a mental or behavioural code           | E11.9 | 2025-09-01 | active   | confirmed        |            |
      """)
  void diagnosesActiveAtSomeTimeInThePeriod(String description, String code, LocalDate recorded, String clinical,
      String verification, LocalDate abated, String expected) {
    Condition condition = new Condition().setCode(new CodeableConcept(new Coding(ClientFacts.ICD_10_CM, code, null)))
        .setClinicalStatus(new CodeableConcept(new Coding(null, clinical, null)))
        .setVerificationStatus(new CodeableConcept(new Coding(null, verification, null)))
        .setRecordedDateElement(new DateTimeType(recorded.toString()));
    if (abated != null) {
      condition.setAbatement(new DateTimeType(abated.toString()));
    }

    assertThat(ClientFacts.diagnoses(List.of(condition), PERIOD)).as(description)
        .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      mental first, latest first; nicotine is no substance diagnosis | F17.210:2025-12-01,F33.1:2025-11-01,F20.9:2025-08-01,F11.20:2025-09-01,F41.1:2025-07-01,F43.10:2025-07-02 | F331 F209 F4310 | F1120 | yes
      only nicotine                                                   | F17.210:2025-12-01                                                                                  |                 |       |
      """)
  void threeMentalHealthDiagnosesAndTheLatestSubstanceDiagnosis(String description, String conditions,
      String mental, String substance, String problem) {
    List<Condition> recorded = new ArrayList<>();
    for (String condition : conditions.split(",")) {
      String[] parts = condition.split(":");
      recorded.add(new Condition().setCode(new CodeableConcept(new Coding(ClientFacts.ICD_10_CM, parts[0], null)))
          .setRecordedDateElement(new DateTimeType(parts[1])));
    }

    Map<String, List<String>> facts = ClientFacts.of(new Patient(), PERIOD, recorded, null, null, List.of());

    List<String> expected = mental == null ? List.of() : List.of(mental.split(" "));
    for (int i = 0; i < 3; i++) {
      assertThat(facts.get("mh-diagnosis-" + (i + 1))).as(description)
          .isEqualTo(i < expected.size() ? List.of(expected.get(i)) : List.of());
    }
    assertThat(facts.get("substance-diagnosis")).isEqualTo(substance == null ? List.of() : List.of(substance));
    assertThat(facts.get("substance-problem")).isEqualTo(problem == null ? List.of() : List.of(problem));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      one race                          | 2106-3           | 2106-3
      two races                         | 2106-3 2054-5    | multiple
      the same race twice               | 2106-3 2106-3    | 2106-3
      none                              |                  |
      """)
  void raceIsTheOmbCategoryOrMultiple(String description, String categories, String expected) {
    Patient client = new Patient();
    Extension race = client.addExtension().setUrl(ClientFacts.RACE);
    if (categories != null) {
      for (String code : categories.split(" ")) {
        race.addExtension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", code, null));
      }
    }

    Map<String, List<String>> facts = ClientFacts.of(client, PERIOD, List.of(), null, null, List.of());

    assertThat(facts.get("race")).as(description).isEqualTo(expected == null ? List.of() : List.of(expected));
  }

  private static CodeableConcept criterion(String code) {
    return new CodeableConcept(new Coding(ClientFacts.ELIGIBILITY_CRITERION, code, null));
  }

  private static CodeableConcept result(String code) {
    return new CodeableConcept(new Coding(CriterionResult.CODE_SYSTEM, code, null));
  }
}
