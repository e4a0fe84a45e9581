package org.casemgmt.adapter.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The configured roles, read once (a misspelt role stops start-up), and the grant of the request at hand. */
@Component
public class Roles {
  private static final Logger log = LoggerFactory.getLogger(Roles.class);

  private final Map<String, Role> roles = new LinkedHashMap<>();

  Roles(SecurityProperties properties) {
    properties.roles().forEach((name, definition) -> roles.put(name, Role.of(name, definition)));
    log.info("Security: {} roles ({}), {} clients, {} apps, {} users; issuer: {}", roles.size(),
        String.join(", ", roles.keySet()), properties.clients().size(), properties.apps().size(),
        properties.users().size(), properties.embeddedIssuer() ? "embedded" : properties.issuerUri());
    properties.clients().forEach(client -> requireRole("clients", client.id(), client.role()));
    properties.users().forEach(user -> requireRole("users", user.username(), user.role()));
  }

  /** The grant of the request being served: its token's scopes within its role; empty without a token. */
  public Optional<AccessGrant> current() {
    return Caller.current().map(this::grantOf);
  }

  /** A caller's grant under the roles as configured now (for work done later on a caller's behalf: exports). */
  public AccessGrant grantOf(Caller caller) {
    return AccessGrant.of(caller, caller.role() == null ? Role.nothing("(none)")
        : roles.getOrDefault(caller.role(), Role.nothing(caller.role())));
  }

  private void requireRole(String kind, String name, String role) {
    if (role == null || !roles.containsKey(role)) {
      throw new IllegalArgumentException("adapter.security." + kind + ": " + name + " has role " + role
          + ", which adapter.security.roles does not define (" + String.join(", ", roles.keySet()) + ")");
    }
  }
}
