package org.casemgmt.adapter.conformance;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which profiles every resource of a type must meet, whether it claims them or not.
 *
 * @param requiredProfiles resource type to profile URL; resources that claim one of the guide's profiles in
 *     meta.profile are validated against it in any case. A blank URL requires nothing, which is how a default
 *     requirement is turned off ({@code --adapter.conformance.required-profiles.Patient=}).
 */
@ConfigurationProperties("adapter.conformance")
record ConformanceProperties(Map<String, String> requiredProfiles) {

  ConformanceProperties {
    requiredProfiles = requiredProfiles == null ? Map.of() : requiredProfiles.entrySet().stream()
        .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
