package org.casemgmt.adapter.claims.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casemgmt.adapter.security.Part2Properties;
import org.casemgmt.profiles.ImplementationGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The start-up path without the FHIR server: application.yml imports config/claims-evidence.yml and config/part2.yml,
 * Spring binds them, and the rules are built from the guide, with the policy logged; a policy that cannot work stops
 * the start.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClaimEvidenceConfigTest {

  @Configuration
  @EnableConfigurationProperties({ClaimEvidenceProperties.class, Part2Properties.class})
  @Import(ClaimEvidenceConfig.class)
  static class GuideAndRules {
    @Bean
    ImplementationGuide implementationGuide() {
      return ClaimEvidenceFixtures.guide();
    }
  }

  @Test
  void theRulesStartWithTheShippedPolicyAndSayWhichInOneLine(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBean(ClaimEvidenceRules.class)).isNotNull();
    }
    assertThat(output).containsOnlyOnce("Claims evidence policy: " + ClaimEvidenceFixtures.shippedPolicy().summary()
        + "; " + ClaimEvidenceFixtures.shippedSignals().summary());
  }

  @Test
  void aSubstanceUseSignalNoClaimCouldCarryStopsTheStart() {
    assertThatThrownBy(() -> start("--adapter.part2.claim-signals.revenue-codes=906"))
        .hasStackTraceContaining("revenue-codes: '906' is not a revenue code (four digits, 1002)");
  }

  @Test
  void aValueSetTheGuideLacksStopsTheStart() {
    assertThatThrownBy(() -> start("--adapter.claims.evidence.code-lists.crisis-procedures.value-set="
        + ImplementationGuide.CANONICAL + "/ValueSet/no-such"))
        .hasStackTraceContaining("code-lists.crisis-procedures: value set " + ImplementationGuide.CANONICAL
            + "/ValueSet/no-such is not in the implementation guide");
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(GuideAndRules.class).web(WebApplicationType.NONE).run(args);
  }
}
