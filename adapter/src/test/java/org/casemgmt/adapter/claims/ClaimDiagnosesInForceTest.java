package org.casemgmt.adapter.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.casemgmt.adapter.claims.evidence.ClaimEvidencePolicy;
import org.casemgmt.adapter.claims.evidence.DeniedClaims;
import org.casemgmt.adapter.claims.evidence.DiagnosisPrefixes;
import org.casemgmt.adapter.eligibility.record.BilledDiagnosis;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimStatus;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.claims.Diagnosis;
import org.casemgmt.routes.claims.Member;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * What eligibility is told of a member's claim diagnoses: the claims policy, not a rule of eligibility's own, says
 * which bills are inpatient and whether denied claims count. Claims are staged as the feed stages them, in the
 * staging schema on an in-memory H2 (the same SQL as on PostgreSQL).
 */
class ClaimDiagnosesInForceTest {
  private static final LocalDate DAY = LocalDate.of(2025, 3, 2);
  private static final String SHIPPED_BILL_TYPES = "0111 0112 0113 0114 0117 0118";
  private static final AtomicInteger MEMBERS = new AtomicInteger();

  private static JdbcTemplate jdbc;
  private static long fileId;

  @BeforeAll
  static void stagingSchema() {
    jdbc = new JdbcTemplate(new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:claim-diagnoses;DB_CLOSE_DELAY=-1"));
    new ResourceDatabasePopulator(new ClassPathResource("claims/staging-schema.sql")).execute(jdbc.getDataSource());
    jdbc.update("INSERT INTO cm_claim_file (sha256, file_name, received_at) VALUES ('test', 'test.837', NOW())");
    fileId = jdbc.queryForObject("SELECT id FROM cm_claim_file WHERE sha256 = 'test'", Long.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", delimiter = ';', value = {
      // case; the policy's inpatient bill types; denied claims; claim type; type of bill; status; eligibility sees
      "a hospital inpatient bill; " + SHIPPED_BILL_TYPES + "; mark; INSTITUTIONAL; 0111; PAID; inpatient",
      "an interim bill; " + SHIPPED_BILL_TYPES + "; mark; INSTITUTIONAL; 0113; PAID; inpatient",
      "a late charge (011x the policy does not list); " + SHIPPED_BILL_TYPES
          + "; mark; INSTITUTIONAL; 0115; PAID; outpatient",
      "a hospital outpatient bill; " + SHIPPED_BILL_TYPES + "; mark; INSTITUTIONAL; 0131; PAID; outpatient",
      "a clinician's bill; " + SHIPPED_BILL_TYPES + "; mark; PROFESSIONAL; -; PAID; outpatient",
      "a state that also counts swing-bed stays; 0111 0181; mark; INSTITUTIONAL; 0181; PAID; inpatient",
      "a state that counts whole stays only; 0111; mark; INSTITUTIONAL; 0112; PAID; outpatient",
      "a denied inpatient bill, marked; " + SHIPPED_BILL_TYPES + "; mark; INSTITUTIONAL; 0111; DENIED;"
          + " inpatient denied",
      "a denied claim when the policy ignores denied claims; " + SHIPPED_BILL_TYPES
          + "; ignore; INSTITUTIONAL; 0111; DENIED; nothing"})
  void theClaimsPolicyDecidesWhatAnInpatientClaimIs(String name, String inpatientBillTypes, String deniedClaims,
      ClaimType type, String typeOfBill, ClaimStatus status, String seen) {
    String member = stage(type, typeOfBill, status, new Diagnosis(1, "F20.9", Diagnosis.CodeSystem.ICD_10_CM,
        Diagnosis.Role.PRINCIPAL, null));

    List<BilledDiagnosis> billed = new ClaimDiagnosesInForce(jdbc, policy(inpatientBillTypes, deniedClaims))
        .byMember(List.of(member)).getOrDefault(member, List.of());

    assertThat(billed.stream().map(diagnosis -> (diagnosis.inpatient() ? "inpatient" : "outpatient")
        + (diagnosis.denied() ? " denied" : "")).findFirst().orElse("nothing")).isEqualTo(seen);
  }

  @Test
  void principalAndOtherIcd10DiagnosesOnlyEachNamedByItsClaimAndFirstDay() {
    String member = stage(ClaimType.INSTITUTIONAL, "0111", ClaimStatus.PAID,
        new Diagnosis(1, "F20.9", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.PRINCIPAL, null),
        new Diagnosis(1, "F29", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.ADMITTING, null),
        new Diagnosis(2, "Z59.00", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.OTHER, null),
        new Diagnosis(3, "295.30", Diagnosis.CodeSystem.ICD_9_CM, Diagnosis.Role.OTHER, null));

    Map<String, List<BilledDiagnosis>> billed = new ClaimDiagnosesInForce(jdbc, policy(SHIPPED_BILL_TYPES, "mark"))
        .byMember(List.of(member, "NOT-A-MEMBER"));

    assertThat(billed).containsOnlyKeys(member);
    assertThat(billed.get(member)).containsExactlyInAnyOrder(
        new BilledDiagnosis(member + "-C", "F20.9", DAY, true, false),
        new BilledDiagnosis(member + "-C", "Z59.00", DAY, true, false));
  }

  /** One claim of a new member, staged as the feed stages it; returns the member id (the claim id adds "-C"). */
  private static String stage(ClaimType type, String typeOfBill, ClaimStatus status, Diagnosis... diagnoses) {
    String member = "M-" + MEMBERS.incrementAndGet();
    Claim claim = new Claim(member + "-C", null, "1", type, typeOfBill, type == ClaimType.PROFESSIONAL ? "21" : null,
        Member.ofId(member), null, null, DAY, DAY, null, null, null, null, null, null, null, null,
        List.of(diagnoses), status, List.of());
    ClaimRows rows = new ClaimRows();
    rows.add(claim, fileId, MEMBERS.get(), 1);
    JdbcBatchStaging staging = new JdbcBatchStaging(jdbc);
    staging.insert(StagingTable.CLAIM, rows.claims);
    staging.insert(StagingTable.DIAGNOSIS, rows.diagnoses);
    return member;
  }

  /** A policy in which only what eligibility's answer reads is set: the inpatient bill types and denied claims. */
  private static ClaimEvidencePolicy policy(String inpatientBillTypes, String deniedClaims) {
    DiagnosisPrefixes none = new DiagnosisPrefixes(Map.of());
    return new ClaimEvidencePolicy(Set.of(inpatientBillTypes.split(" ")), Set.of(), Set.of(), Set.of(), Set.of(),
        Set.of(), Set.of(), Set.of(), Set.of(), none, none, 1, 1, DeniedClaims.valueOf(deniedClaims.toUpperCase()));
  }
}
