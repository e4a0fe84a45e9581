package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.casemgmt.adapter.security.SecurityFixture;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The program measures ({@code Measure/utilization}, {@code Measure/program-flow}) through
 * {@code $evaluate-measure}, on clients the workflow records: stays and crisis episodes before and during their
 * enrollments, eligibility determinations, referrals and approved ISPs, with a Part 2 stay and a Part 2 referral the
 * agency has no consent for. Dates count back from today (T); the period is the last 90 days. Each evaluation names a
 * Group of this test's clients, or one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramMeasuresTest extends MeasureTest {
  private static final String TAILORED = "claims-driven-tailored";
  private String period;
  /** Enrolled in SMI from T-200 by the test case manager; 2 stays and a crisis before, a crisis during. */
  private String a;
  private String part2Stay;
  /** Enrolled in SMI from T-45: too short to compare. */
  private String b;
  /** Enrolled in the tailored program from T-400 to T-30: a stay before, a stay and a crisis during. */
  private String c;
  /** Not enrolled; an ISP after a referral to a Part 2 program. */
  private String d;
  /** Not enrolled; determined at T-50 without a stay to show, and again today with one. */
  private String f;
  private String group;

  @BeforeAll
  void clients() {
    staff();
    new SecurityFixture(fhir());
    period = "periodStart=" + today.minusDays(90) + "&periodEnd=" + today;

    a = eligibleClient();
    episode(a, "psychiatric-inpatient", daysAgo(400));
    episode(a, "psychiatric-inpatient", daysAgo(250));
    part2Stay = episode(a, "psychiatric-inpatient", daysAgo(300));
    part2(part2Stay);
    episode(a, "crisis-service", daysAgo(210));
    episode(a, "crisis-service", daysAgo(100));
    evaluateEligibility(a, null);
    referral(a, daysAgo(230), false);
    isp(a, daysAgo(20));
    create(enrollment(a, SMI_PROGRAM, daysAgo(200)).setCareManager(new Reference(SecurityFixture.CASE_MANAGER)));

    b = eligibleClient();
    episode(b, "psychiatric-inpatient", daysAgo(100));
    evaluateEligibility(b, null);
    referral(b, daysAgo(60), false);
    isp(b, daysAgo(50));
    create(enrollment(b, SMI_PROGRAM, daysAgo(45)));

    c = eligibleClient();
    episode(c, "psychiatric-inpatient", daysAgo(800));
    episode(c, "psychiatric-inpatient", daysAgo(500));
    episode(c, "psychiatric-inpatient", daysAgo(200));
    episode(c, "crisis-service", daysAgo(60));
    episode(c, "psychiatric-inpatient", daysAgo(20));
    create(discharged(enrollment(c, TAILORED, daysAgo(400)), "goals-met", daysAgo(30)));

    d = eligibleClient();
    evaluateEligibility(d, null);
    referral(d, daysAgo(40), true);
    isp(d, daysAgo(30));

    f = eligibleClient();
    episode(f, "psychiatric-inpatient", daysAgo(40));
    evaluateEligibility(f, daysAgo(50));
    evaluateEligibility(f, null);
    referral(f, daysAgo(80), false);
    isp(f, daysAgo(50));

    Group clients = new Group().setType(Group.GroupType.PERSON).setActual(true);
    List.of(a, b, c, d, f).forEach(client -> clients.addMember().setEntity(new Reference(client)));
    group = create(clients);
  }

  @Test
  void utilizationComparesEachEnrollmentsEpisodesDuringItWithTheTwelveMonthsBefore() throws Exception {
    MeasureReport report = evaluate(supervisor(), "utilization", period + "&reportType=subject-list&subject="
        + group, 200);

    // A's Part 2 stay is withheld from the agency (no consent): 2 of A's stays and 1 of C's count before, C's 13
    // months before enrollment does not; B's 46 days are too short to compare.
    assertThat(counts(report, "hospitalizations")).containsEntry("initial-population", 3)
        .containsEntry("denominator", 2).containsEntry("denominator-exclusion", 1)
        .containsEntry("episodes-before-enrollment", 3).containsEntry("episodes-during-enrollment", 1);
    // 1 stay in 572 days enrolled (A 201, C 371) is 0.6386 a year, against 3 in 2 x 12 months: 1.5 a year.
    assertThat(group(report, "hospitalizations").getMeasureScore().getValue()).isEqualByComparingTo("0.4257");
    assertThat(counts(report, "crisis-episodes")).containsEntry("episodes-before-enrollment", 1)
        .containsEntry("episodes-during-enrollment", 2);
    assertThat(group(report, "crisis-episodes").getMeasureScore().getValue()).isEqualByComparingTo("2.5542");
    assertThat(members(report, "hospitalizations", "episodes-before-enrollment")).containsExactlyInAnyOrder(a, a, c);
    assertThat(entries(report, "hospitalizations", "episodes-before-enrollment"))
        .noneMatch(entry -> entry.getFlag().getText().contains(part2Stay));
    assertThat(members(report, "hospitalizations", "denominator-exclusion")).containsExactly(b);

    MeasureReport.StratifierGroupComponent tailored = stratum(report, "hospitalizations", "program", TAILORED);
    assertThat(counts(tailored)).containsEntry("denominator", 1).containsEntry("episodes-before-enrollment", 1)
        .containsEntry("episodes-during-enrollment", 1);
    assertThat(tailored.getMeasureScore().getValue()).isEqualByComparingTo("0.9845");
    MeasureReport.StratifierGroupComponent smi = stratum(report, "hospitalizations", "program", SMI_PROGRAM);
    assertThat(counts(smi)).containsEntry("initial-population", 2).containsEntry("denominator", 1);
    assertThat(smi.getMeasureScore().getValue()).isEqualByComparingTo("0");
    assertThat(counts(stratum(report, "crisis-episodes", "case-manager", SecurityFixture.CASE_MANAGER)))
        .containsEntry("denominator", 1).containsEntry("episodes-during-enrollment", 1);
  }

  @Test
  void programFlowCountsDeterminationsEnrollmentsAndDaysFromReferralToPlan() throws Exception {
    MeasureReport report = evaluate(supervisor(), "program-flow", period + "&reportType=subject-list&subject="
        + group, 200);

    assertThat(counts(report, "determinations")).containsEntry("initial-population", 4)
        .containsEntry("eligible", 3).containsEntry("insufficient-information", 1).containsEntry("not-eligible", 0);
    assertThat(members(report, "determinations", "eligible")).containsExactlyInAnyOrder(a, b, f);
    assertThat(counts(stratum(report, "determinations", "program", SMI_PROGRAM)))
        .containsEntry("initial-population", 4);
    assertThat(members(report, "enrollments", "initial-population")).containsExactly(b);
    // A 210 days, B 10, F 30; D's referral is a Part 2 record the agency may not see, so D's plan has none.
    assertThat(counts(report, "referral-to-isp-median")).containsEntry("initial-population", 4)
        .containsEntry("measure-population", 3).containsEntry("measure-observation", 3);
    assertThat(members(report, "referral-to-isp-median", "measure-population")).containsExactlyInAnyOrder(a, b, f);
    MeasureReport.MeasureReportGroupComponent median = group(report, "referral-to-isp-median");
    assertThat(median.getMeasureScore().getValue()).isEqualByComparingTo("30.0");
    assertThat(median.getMeasureScore().getCode()).isEqualTo("d");
    assertThat(group(report, "referral-to-isp-average").getMeasureScore().getValue()).isEqualByComparingTo("83.3");
  }

  @Test
  void aDeterminationMadeInThePeriodCountsThoughTheClientWasDeterminedAgainSince() throws Exception {
    MeasureReport report = evaluate(supervisor(), "program-flow", "periodStart=" + today.minusDays(90)
        + "&periodEnd=" + today.minusDays(10) + "&subject=" + f, 200);

    assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.INDIVIDUAL);
    assertThat(counts(report, "determinations")).containsEntry("initial-population", 1)
        .containsEntry("insufficient-information", 1).containsEntry("eligible", 0);
    assertThat(group(report, "referral-to-isp-average").getMeasureScore().getValue()).isEqualByComparingTo("30");
  }

  @Test
  void aCaseManagerCountsOnlyTheirCaseload() throws Exception {
    String caseManager = caseManagerToken();

    assertThat(counts(evaluate(caseManager, "utilization", period + "&subject=" + a, 200), "hospitalizations"))
        .containsEntry("initial-population", 1).containsEntry("episodes-before-enrollment", 2);
    assertThat(counts(evaluate(caseManager, "utilization", period + "&subject=" + c, 200), "hospitalizations"))
        .containsEntry("initial-population", 0).containsEntry("episodes-before-enrollment", 0);
    assertThat(counts(evaluate(caseManager, "program-flow", period + "&subject=" + a, 200), "determinations"))
        .containsEntry("initial-population", 1);
    assertThat(counts(evaluate(caseManager, "program-flow", period + "&subject=" + b, 200), "determinations"))
        .containsEntry("initial-population", 0);
  }

  @Test
  void theMeasuresAreServedWithTheirGroupsAndScoring() {
    Measure utilization = read(Measure.class, "Measure/utilization");
    assertThat(utilization.getGroup()).extracting(g -> g.getId()).containsExactly("hospitalizations",
        "crisis-episodes");
    assertThat(utilization.getScoring().getCodingFirstRep().getCode()).isEqualTo("ratio");
    assertThat(utilization.getImprovementNotation().getCodingFirstRep().getCode()).isEqualTo("decrease");

    Measure flow = read(Measure.class, "Measure/program-flow");
    assertThat(flow.getGroup()).extracting(g -> g.getId()).containsExactly("determinations", "enrollments",
        "referral-to-isp-median", "referral-to-isp-average");
    Measure.MeasureGroupComponent days = flow.getGroup().get(2);
    assertThat(((CodeableConcept) days.getExtensionByUrl(
        "http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-scoring").getValue()).getCodingFirstRep()
        .getCode()).isEqualTo("continuous-variable");
    assertThat(days.getPopulation()).extracting(p -> p.getCode().getCodingFirstRep().getCode())
        .containsExactly("initial-population", "measure-population", "measure-observation");
  }

  private String supervisor() {
    return Tokens.client(baseUrl(), "test-supervisor");
  }

  private LocalDate daysAgo(int days) {
    return today.minusDays(days);
  }

  /** A referral of the client to case management in SMI, authored on the day; a Part 2 one names a SUD diagnosis. */
  private void referral(String client, LocalDate authored, boolean part2) {
    ServiceRequest referral = caseManagementReferral(client);
    referral.setAuthoredOnElement(new DateTimeType(authored.toString()));
    if (part2) {
      referral.addReasonCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F10.20", null)));
    }
    create(referral);
  }

  /** An active ISP with a measurable goal, approved by the client on the day. */
  private void isp(String client, LocalDate approvedOn) {
    String goal = create(goal(client));
    create(approved(draftIsp(client, List.of(goal), List.of()), client, approvedOn)
        .setStatus(CarePlan.CarePlanStatus.ACTIVE));
  }
}
