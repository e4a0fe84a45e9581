package org.casemgmt.adapter.claims.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimLine;
import org.casemgmt.routes.claims.ClaimType;
import org.casemgmt.routes.claims.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The substance-use program signals of config/part2.yml as start-up reads them: what the shipped list takes and
 * leaves, and that a code no claim could carry stops start-up instead of quietly labelling nothing. How they mark
 * episodes is in the cases (substance-use-programs.yaml).
 */
class SubstanceUseSignalsTest {

  @ParameterizedTest(name = "{0} {1} revenue {2} at {3}: {4}")
  @CsvSource(nullValues = "-", value = {
      // procedure, modifier, revenue, place of service, a substance-use program's?
      "H0005, -,  -,    11, true",   // alcohol and drug group counseling
      "H0020, -,  -,    11, true",   // methadone
      "H0004, -,  -,    11, false",  // behavioral health counseling: mental health too
      "H0018, -,  -,    11, false",  // short-term residential: a crisis stabilization code
      "H2011, HF, -,    15, true",   // crisis intervention by a substance abuse program
      "H2011, HE, -,    15, false",  // ... by a mental health program
      "H2011, -,  -,    57, true",   // ... at a non-residential substance-use treatment facility
      "H2011, -,  -,    53, false",  // ... at a community mental health center
      "-,     -,  0906, -,  true",   // intensive outpatient, chemical dependency
      "-,     -,  1002, -,  true",   // residential, chemical dependency
      "-,     -,  0905, -,  false",  // intensive outpatient, psychiatric
      "-,     -,  1001, -,  false",  // residential, psychiatric
  })
  void theShippedSignals(String procedure, String modifier, String revenue, String place, boolean expected) {
    ClaimLine line = new ClaimLine(1, revenue, procedure, modifier == null ? List.of() : List.of(modifier), place,
        LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 2), null, null);
    Claim claim = new Claim("C1", null, "1", revenue == null ? ClaimType.PROFESSIONAL : ClaimType.INSTITUTIONAL,
        null, null, Member.ofId(TestClaims.MEMBER), null, null, LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 2),
        null, null, null, null, null, null, null, null, List.of(), null, List.of(line));

    assertThat(ClaimEvidenceFixtures.shippedSignals().shows(claim)).isEqualTo(expected);
  }

  @Test
  void codesAreReadUpperCasedAndTrimmed() {
    SubstanceUseSignals signals = SubstanceUseSignals.checked(List.of(" h0005"), List.of("hf"), List.of("1002 "),
        List.of("57"));

    assertThat(signals.procedureCodes()).containsExactly("H0005");
    assertThat(signals.modifiers()).containsExactly("HF");
    assertThat(signals.revenueCodes()).containsExactly("1002");
  }

  @Test
  void aCodeNoClaimCouldCarryStopsStartUpNamingEachOne() {
    assertThatThrownBy(() -> SubstanceUseSignals.checked(List.of("H005"), List.of("HF1"), List.of("906"),
        List.of("5")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("adapter.part2.claim-signals (config/part2.yml)")
        .hasMessageContaining("procedure-codes: 'H005'")
        .hasMessageContaining("modifiers: 'HF1'")
        .hasMessageContaining("revenue-codes: '906'")
        .hasMessageContaining("places-of-service: '5'");
  }

  @Test
  void noSignalsConfiguredMarksNothing() {
    ClaimLine line = new ClaimLine(1, null, "H0005", List.of("HF"), "57", LocalDate.of(2025, 4, 2), null, null,
        null);
    Claim claim = new Claim("C1", null, "1", ClaimType.PROFESSIONAL, null, "57", Member.ofId(TestClaims.MEMBER),
        null, null, LocalDate.of(2025, 4, 2), null, null, null, null, null, null, null, null, null, List.of(), null,
        List.of(line));

    assertThat(SubstanceUseSignals.checked(null, null, null, null).shows(claim)).isFalse();
  }
}
