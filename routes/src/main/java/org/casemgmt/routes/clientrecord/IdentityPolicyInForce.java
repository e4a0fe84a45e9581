package org.casemgmt.routes.clientrecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Start-up check and log of the identity policy. The ADT and EHR mappings each used to carry the Medicaid system and
 * the ignored identifiers; those keys are no longer read, and since the mappings bind leniently a deployment that
 * still sets one would silently get the shipped policy instead of its own: a different Medicaid system splits every
 * client in two. So a retired key stops start-up, naming the key that replaced it.
 */
@Component
class IdentityPolicyInForce {
  private static final Logger log = LoggerFactory.getLogger(IdentityPolicyInForce.class);
  private static final String FILE = "config/client-identity.yml";

  /** Retired key (or the prefix of retired keys) and the key that took its place. */
  static final Map<String, String> RETIRED = retired();

  IdentityPolicyInForce(Environment environment, IdentityPolicy policy) {
    List<String> problems = new ArrayList<>();
    RETIRED.forEach((old, replacement) -> {
      if (isSet(environment, ConfigurationPropertyName.of(old))) {
        problems.add(old + " is no longer read: set " + replacement + " (" + FILE + ") instead");
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The client identity policy has moved to adapter.identity.*:\n  "
          + String.join("\n  ", problems));
    }
    log.info("Client identity policy: {}", policy.summary());
  }

  private static Map<String, String> retired() {
    Map<String, String> retired = new LinkedHashMap<>();
    retired.put("adapter.adt.mapping.medicaid", "adapter.identity.medicaid");
    retired.put("adapter.adt.mapping.ignored-identifier-types", "adapter.identity.ignored-identifier-types");
    retired.put("adapter.ehr.mapping.medicaid-system", "adapter.identity.medicaid.system");
    retired.put("adapter.ehr.mapping.ignored-identifier-types", "adapter.identity.ignored-identifier-types");
    retired.put("adapter.ehr.mapping.ignored-identifier-systems", "adapter.identity.ignored-identifier-systems");
    return retired;
  }

  /** Set in any spelling Spring accepts (YAML, arguments, environment variables), whole or in part. */
  private static boolean isSet(Environment environment, ConfigurationPropertyName name) {
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      ConfigurationProperty property = source.getConfigurationProperty(name);
      if (property != null || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
        return true;
      }
    }
    return false;
  }
}
