package org.casemgmt.adapter.conformance;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which profiles every resource of a type must meet, whether it claims them or not.
 *
 * @param requiredProfiles resource type to profile URL; resources that claim one of the guide's profiles in
 *     meta.profile are validated against it in any case
 */
@ConfigurationProperties("adapter.conformance")
record ConformanceProperties(Map<String, String> requiredProfiles) {

  ConformanceProperties {
    requiredProfiles = requiredProfiles == null ? Map.of() : Map.copyOf(requiredProfiles);
  }
}
