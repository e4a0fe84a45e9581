package org.casemgmt.routes.clientrecord;

import java.nio.file.Path;
import org.casemgmt.routes.ConfigYaml;

/** The shipped identity policy, config/client-identity.yml bound as start-up binds it (a misspelt key refused). */
public final class IdentityFixtures {
  static final Path CONFIG = Path.of("../config/client-identity.yml");

  private static final IdentityPolicy SHIPPED = bind(CONFIG);

  private IdentityFixtures() {
  }

  public static IdentityPolicy shipped() {
    return SHIPPED;
  }

  static IdentityPolicy bind(Path yaml) {
    return ConfigYaml.bind(yaml, "adapter.identity", IdentityPolicy.class, false);
  }
}
