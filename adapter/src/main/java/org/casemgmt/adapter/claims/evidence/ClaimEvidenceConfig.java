package org.casemgmt.adapter.claims.evidence;

import org.casemgmt.adapter.security.Part2Properties;
import org.casemgmt.profiles.ImplementationGuide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The claims evidence rules with the policy of {@code config/claims-evidence.yml}, its code lists read from the
 * implementation guide's value sets, and the substance-use program signals of {@code config/part2.yml}: a policy
 * that cannot be built stops start-up.
 */
@Configuration
class ClaimEvidenceConfig {
  private static final Logger log = LoggerFactory.getLogger(ClaimEvidenceConfig.class);

  /** A bean of its own: eligibility's claim diagnoses are read by the same policy as the rules. */
  @Bean
  ClaimEvidencePolicy claimEvidencePolicy(ClaimEvidenceProperties properties, ImplementationGuide guide) {
    return new ClaimEvidencePolicyLoader(guide::valueSet).load(properties);
  }

  @Bean
  ClaimEvidenceRules claimEvidenceRules(ClaimEvidencePolicy policy, Part2Properties part2) {
    Part2Properties.ClaimSignals configured = part2.claimSignals();
    SubstanceUseSignals signals = SubstanceUseSignals.checked(configured.procedureCodes(), configured.modifiers(),
        configured.revenueCodes(), configured.placesOfService());
    log.info("Claims evidence policy: {}; {}", policy.summary(), signals.summary());
    return new ClaimEvidenceRules(policy, signals);
  }
}
