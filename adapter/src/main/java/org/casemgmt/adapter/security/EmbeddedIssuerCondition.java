package org.casemgmt.adapter.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external issuer is configured: the embedded one signs the tokens. */
class EmbeddedIssuerCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return blank(context.getEnvironment().getProperty("adapter.security.issuer-uri"))
        && blank(context.getEnvironment().getProperty("adapter.security.jwk-set-uri"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
