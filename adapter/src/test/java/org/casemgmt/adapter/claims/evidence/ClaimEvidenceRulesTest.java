package org.casemgmt.adapter.claims.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.claims.Diagnosis;
import org.casemgmt.routes.claims.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds for every member's claims, beyond the cases: determinism, identity of codes, what cannot be placed. */
class ClaimEvidenceRulesTest {
  private final ClaimEvidenceRules rules = ClaimEvidenceFixtures.shippedRules();

  static Stream<ClaimEvidenceCase> cases() {
    return ClaimEvidenceCase.all().filter(testCase -> testCase.claims().size() > 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theOrderClaimsComeInChangesNothing(ClaimEvidenceCase testCase) {
    ClaimEvidenceRules caseRules = new ClaimEvidenceRules(testCase.policy(ClaimEvidenceFixtures.shippedPolicy()),
        ClaimEvidenceFixtures.shippedSignals());
    MemberEvidence asWritten = caseRules.derive(TestClaims.MEMBER, testCase.claims());
    List<Claim> reversed = new ArrayList<>(testCase.claims());
    Collections.reverse(reversed);
    List<Claim> shuffled = new ArrayList<>(testCase.claims());
    Collections.shuffle(shuffled, new Random(7));

    assertThat(caseRules.derive(TestClaims.MEMBER, reversed)).isEqualTo(asWritten);
    assertThat(caseRules.derive(TestClaims.MEMBER, shuffled)).isEqualTo(asWritten);
  }

  /**
   * ICD-9-CM V60.0 (lack of housing) and ICD-10-CM V60.0 (a transport accident) share their text only. The shipped
   * policy records V60 for ICD-9-CM alone; this one records it for both, to show that they stay apart.
   */
  @Test
  void theSameTextInTwoCodeSystemsIsTwoDiagnoses() {
    ClaimEvidencePolicy shipped = ClaimEvidenceFixtures.shippedPolicy();
    DiagnosisPrefixes v60 = new DiagnosisPrefixes(Map.of(Diagnosis.CodeSystem.ICD_9_CM, Set.of("V60"),
        Diagnosis.CodeSystem.ICD_10_CM, Set.of("V60")));
    ClaimEvidenceRules bothSystems = new ClaimEvidenceRules(new ClaimEvidencePolicy(shipped.inpatientBillTypes(),
        shipped.psychiatricRoomAndBoard(), shipped.psychiatricDrgs(), shipped.inpatientPlacesOfService(),
        shipped.emergencyRevenueCodes(), shipped.emergencyPlacesOfService(), shipped.crisisProcedures(),
        shipped.outpatientMentalHealthProcedures(), shipped.outpatientMentalHealthPlacesOfService(),
        shipped.psychiatricDiagnoses(), v60, 1, 1, DeniedClaims.MARK), SubstanceUseSignals.NONE);

    MemberEvidence evidence = bothSystems.derive(TestClaims.MEMBER, List.of(
        claim("A-1", LocalDate.of(2015, 6, 2), new Diagnosis(1, "V60.0", Diagnosis.CodeSystem.ICD_9_CM,
            Diagnosis.Role.PRINCIPAL, null)),
        claim("B-1", LocalDate.of(2016, 6, 2), new Diagnosis(1, "V60.0", Diagnosis.CodeSystem.ICD_10_CM,
            Diagnosis.Role.EXTERNAL_CAUSE, null))));

    assertThat(evidence.diagnoses()).extracting(ClaimDiagnosis::code, ClaimDiagnosis::system,
            ClaimDiagnosis::claimIds)
        .containsExactly(
            tuple("V60.0", "http://hl7.org/fhir/sid/icd-10-cm", List.of("B-1")),
            tuple("V60.0", "http://hl7.org/fhir/sid/icd-9-cm", List.of("A-1")));
  }

  @Test
  void aClaimWithNoDateOfServiceGivesNoEvidence() {
    Claim undated = claim("A-1", null, new Diagnosis(1, "F20.9", Diagnosis.CodeSystem.ICD_10_CM,
        Diagnosis.Role.PRINCIPAL, null));

    MemberEvidence evidence = rules.derive(TestClaims.MEMBER, List.of(undated));

    assertThat(evidence.episodes()).isEmpty();
    assertThat(evidence.diagnoses()).isEmpty();
  }

  @Test
  void noClaimsNoEvidence() {
    assertThat(rules.derive(TestClaims.MEMBER, List.of()))
        .isEqualTo(new MemberEvidence(TestClaims.MEMBER, List.of(), List.of()));
  }

  @Test
  void anEpisodeKeepsItsClaimIdsSortedAndOnce() {
    LocalDate day = LocalDate.of(2025, 3, 1);
    ClaimEpisode episode = new ClaimEpisode(ClaimEpisodeKind.CRISIS, day, day, false, null, List.of("B", "A", "B"),
        EpisodeProviders.NONE, false);

    assertThat(episode.claimIds()).containsExactly("A", "B");
    assertThatThrownBy(() -> new ClaimEpisode(ClaimEpisodeKind.INPATIENT, day, day.minusDays(1), false, null,
        List.of("A"), EpisodeProviders.NONE, false)).hasMessageContaining("ends before it starts");
  }

  /** A professional office claim carrying one diagnosis. */
  private static Claim claim(String id, LocalDate day, Diagnosis diagnosis) {
    return new Claim(id, null, "1", ClaimType.PROFESSIONAL, null, "11",
        Member.ofId(TestClaims.MEMBER), null, null, day, day, null, null, null, null, null, null, null, null,
        List.of(diagnosis), null, List.of());
  }
}
