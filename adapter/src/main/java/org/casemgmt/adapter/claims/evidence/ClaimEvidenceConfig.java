package org.casemgmt.adapter.claims.evidence;

import org.casemgmt.profiles.ImplementationGuide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The claims evidence rules with the policy of {@code config/claims-evidence.yml}, its code lists read from the
 * implementation guide's value sets: a policy that cannot be built stops start-up.
 */
@Configuration
class ClaimEvidenceConfig {
  private static final Logger log = LoggerFactory.getLogger(ClaimEvidenceConfig.class);

  @Bean
  ClaimEvidenceRules claimEvidenceRules(ClaimEvidenceProperties properties, ImplementationGuide guide) {
    ClaimEvidencePolicy policy = new ClaimEvidencePolicyLoader(guide::valueSet).load(properties);
    log.info("Claims evidence policy: {}", policy.summary());
    return new ClaimEvidenceRules(policy);
  }
}
