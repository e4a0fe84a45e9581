package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The discharge measures through {@code Measure/{id}/$evaluate-measure}, on clients recorded the way the feeds and
 * the workflow record them: stays, follow-up visits, Medicaid coverage, a Part 2 stay. Each evaluation names a Group
 * of this test's clients, so other tests' records do not count. The clients are recorded once for all the tests,
 * which only read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureEvaluationTest extends MeasureTest {
  private LocalDate admitted;
  private String followedUpOnDay3;
  private String followedUpOnDay10;
  private String followedUpOnTheDischargeDay;
  private String readmitted;
  private String part2Stay;
  private String crisisOnly;
  private String group;

  @BeforeAll
  void clients() {
    staff();
    admitted = today.minusDays(100);
    LocalDate discharged = admitted.plusDays(6);
    followedUpOnDay3 = client(discharged.plusDays(3), "AMB");
    followedUpOnDay10 = client(discharged.plusDays(10), "VR");
    followedUpOnTheDischargeDay = client(discharged, "AMB");
    readmitted = client(null, null);
    episode(readmitted, "psychiatric-inpatient", discharged.plusDays(20));
    crisisOnly = client(discharged.plusDays(2), "AMB");
    Encounter crisis = search(Encounter.class, "Encounter?subject=" + crisisOnly + "&class=AMB").get(0);
    crisis.addType().addCoding().setSystem("https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind")
        .setCode("crisis-service");
    update(crisis);
    part2Stay = client(discharged.plusDays(2), "AMB");
    part2("Encounter/" + search(Encounter.class, "Encounter?subject=" + part2Stay + "&class=IMP").get(0)
        .getIdPart());
    Group clients = new Group().setType(Group.GroupType.PERSON).setActual(true);
    List.of(followedUpOnDay3, followedUpOnDay10, followedUpOnTheDischargeDay, readmitted, crisisOnly, part2Stay)
        .forEach(client -> clients.addMember().setEntity(new Reference(client)));
    group = create(clients);
  }

  @Test
  void followUpAfterHospitalizationCountsEachDischargeByItsFirstFollowUpAfterTheDischargeDay() throws Exception {
    MeasureReport report = evaluate("test-supervisor", "fuh", "subject-list", group, 200);

    // The readmitted client's first discharge gives way to the second; a crisis service after discharge is not a
    // follow-up; the Part 2 stay is withheld from the agency (no consent), so its client's discharge is not counted.
    assertThat(counts(report, "7-day")).containsEntry("initial-population", 5).containsEntry("denominator", 5)
        .containsEntry("numerator", 1).containsEntry("denominator-exclusion", 0);
    assertThat(counts(report, "30-day")).containsEntry("denominator", 5).containsEntry("numerator", 2);
    assertThat(group(report, "7-day").getMeasureScore().getValue()).isEqualByComparingTo("0.2");
    assertThat(group(report, "30-day").getMeasureScore().getValue()).isEqualByComparingTo("0.4");
    assertThat(members(report, "7-day", "numerator")).containsExactly(followedUpOnDay3);
    assertThat(members(report, "30-day", "numerator"))
        .containsExactlyInAnyOrder(followedUpOnDay3, followedUpOnDay10);
    assertThat(members(report, "30-day", "denominator")).doesNotContain(part2Stay)
        .containsExactlyInAnyOrder(followedUpOnDay3, followedUpOnDay10, followedUpOnTheDischargeDay, readmitted,
            crisisOnly);
    MeasureReport.StratifierGroupComponent none = group(report, "30-day").getStratifier().get(0).getStratum().get(0);
    assertThat(none.getValue().getText()).isEqualTo("none");
    assertThat(none.getMeasureScore().getValue()).isEqualByComparingTo("0.4");
  }

  @Test
  void readmissionCountsEveryDischargeFollowedByANewStay() throws Exception {
    MeasureReport report = evaluate("test-state", "readmission", "population", group, 200);

    assertThat(counts(report, "30-day")).containsEntry("denominator", 6).containsEntry("numerator", 1);
    assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
    assertThat(report.getContained()).isEmpty();
  }

  @Test
  void theMeasuresAreServedAndEvaluatedOnlyForWhatTheCallerMaySee() throws Exception {
    Measure fuh = read(Measure.class, "Measure/fuh");
    assertThat(fuh.getGroup()).extracting(g -> g.getId()).containsExactly("7-day", "30-day");
    assertThat(fuh.getScoring().getCodingFirstRep().getCode()).isEqualTo("proportion");

    assertThat(status("test-feed", "fuh", group)).isEqualTo(403);
    assertThat(status("test-supervisor", "no-such-measure", group)).isEqualTo(404);
    String caseManager = caseManagerToken();
    // Its clients are on no one's caseload: the Group is not the case manager's to see.
    assertThat(send(caseManager, "/fhir/Measure/fuh/$evaluate-measure?periodStart=" + admitted + "&periodEnd="
        + today + "&subject=" + group).statusCode()).isEqualTo(404);
  }

  private String client(LocalDate followUp, String visitClass) {
    String client = eligibleClient();
    episode(client, "psychiatric-inpatient", admitted);
    if (followUp != null) {
      Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
          .setClass_(new Coding(MeasureEvaluationTest.ACT_CODE, visitClass, null)).setSubject(new Reference(client));
      visit.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(followUp + "T10:00:00-06:00"));
      create(visit);
    }
    return client;
  }

  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private MeasureReport evaluate(String caller, String measure, String type, String subject, int status)
      throws Exception {
    return evaluate(Tokens.client(baseUrl(), caller), measure, "periodStart=" + admitted.minusDays(20) + "&periodEnd="
        + today + "&reportType=" + type + "&subject=" + subject, status);
  }

  private int status(String caller, String measure, String subject) throws Exception {
    return send(Tokens.client(baseUrl(), caller), "/fhir/Measure/" + measure + "/$evaluate-measure?periodStart="
        + admitted + "&periodEnd=" + today + "&subject=" + subject).statusCode();
  }
}
