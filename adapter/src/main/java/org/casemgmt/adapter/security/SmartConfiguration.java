package org.casemgmt.adapter.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART App Launch discovery ({@code /.well-known/smart-configuration}, SMART 2.2.0): where apps and systems get
 * tokens and what the server supports. With the embedded issuer its endpoints are this service's own.
 */
@RestController
class SmartConfiguration {
  private final SecurityProperties properties;

  SmartConfiguration(SecurityProperties properties) {
    this.properties = properties;
  }

  @GetMapping(path = "/.well-known/smart-configuration", produces = "application/json")
  Map<String, Object> smartConfiguration() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("issuer", properties.issuer(base));
    configuration.put("jwks_uri", properties.jwksUri(base));
    configuration.put("authorization_endpoint", properties.authorizationEndpoint(base));
    configuration.put("token_endpoint", properties.tokenEndpoint(base));
    configuration.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
    configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    configuration.put("response_types_supported", List.of("code"));
    configuration.put("code_challenge_methods_supported", List.of("S256"));
    configuration.put("scopes_supported", List.of("system/*.cruds", "user/*.cruds", "patient/*.cruds",
        "system/*.read", "user/*.read", "patient/*.read", "system/*.write", "user/*.write", "patient/*.write"));
    configuration.put("capabilities", List.of("launch-standalone", "client-public", "client-confidential-symmetric",
        "permission-v1", "permission-v2", "permission-user", "permission-patient", "context-standalone-patient"));
    return configuration;
  }
}
