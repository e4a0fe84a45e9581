package org.casemgmt.adapter.claims.evidence;

import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules as cases: each file in {@code src/test/resources/claims/evidence} holds members' claims and the episodes
 * and diagnoses expected of them under the shipped policy (config/claims-evidence.yml with the guide's value sets,
 * and the substance-use program signals of config/part2.yml).
 * See {@link ClaimEvidenceCase} for the format.
 */
class ClaimEvidenceCasesTest {

  static Stream<ClaimEvidenceCase> cases() {
    return ClaimEvidenceCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evidence(ClaimEvidenceCase testCase) {
    ClaimEvidenceRules rules = new ClaimEvidenceRules(testCase.policy(ClaimEvidenceFixtures.shippedPolicy()),
        ClaimEvidenceFixtures.shippedSignals());
    MemberEvidence evidence = rules.derive(TestClaims.MEMBER, testCase.claims());

    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(evidence.memberId()).isEqualTo(TestClaims.MEMBER);
      if (testCase.episodes() != null) {
        softly.assertThat(evidence.episodes().stream().map(ClaimEvidenceCase::describe).toList()).as("episodes")
            .containsExactlyElementsOf(testCase.episodes());
      }
      if (testCase.providers() != null) {
        softly.assertThat(evidence.episodes().stream().map(episode -> ClaimEvidenceCase.describe(episode.providers()))
            .toList()).as("providers").containsExactlyElementsOf(testCase.providers());
      }
      if (testCase.diagnoses() != null) {
        softly.assertThat(evidence.diagnoses().stream().map(ClaimEvidenceCase::describe).toList()).as("diagnoses")
            .containsExactlyElementsOf(testCase.diagnoses());
      }
    });
  }
}
