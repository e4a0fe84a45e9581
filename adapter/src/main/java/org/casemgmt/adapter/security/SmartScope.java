package org.casemgmt.adapter.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART App Launch scope on clinical data: {@code <context>/<type>.<interactions>[?<search>]}. Version 2's
 * letters ({@code patient/Observation.rs?category=...}) and version 1's {@code .read}, {@code .write} and {@code .*}
 * are read; other scopes (openid, fhirUser, launch, offline_access) are not about data and are left out.
 *
 * @param context patient (the launch patient's record), user (what the user may see) or system (a backend service)
 * @param resourceType a resource type or "*"
 * @param interactions what the scope allows
 * @param filter a granular scope's search ("category=http://...|laboratory"), or null
 */
public record SmartScope(Context context, String resourceType, Set<Interaction> interactions, String filter) {
  private static final Pattern SHAPE = Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)(?:\\?(.+))?");

  /** Whose data a scope opens. */
  public enum Context { PATIENT, USER, SYSTEM }

  /** The scope, or empty for a scope that is not about FHIR data or is malformed. */
  public static Optional<SmartScope> parse(String scope) {
    Matcher m = SHAPE.matcher(scope);
    if (!m.matches()) {
      return Optional.empty();
    }
    Set<Interaction> interactions = switch (m.group(3)) {
      case "read" -> EnumSet.of(Interaction.READ, Interaction.SEARCH);
      case "write" -> EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
      case "*" -> EnumSet.allOf(Interaction.class);
      default -> Interaction.ofLetters(m.group(3));
    };
    if (interactions == null) {
      return Optional.empty();
    }
    return Optional.of(new SmartScope(Context.valueOf(m.group(1).toUpperCase()), m.group(2), interactions,
        m.group(4)));
  }

  /**
   * A role's permission ("Task.rs", "*.cruds"): a scope without context.
   *
   * @throws IllegalArgumentException when it is not one, so a misspelt role stops start-up
   */
  public static SmartScope permission(String permission) {
    return parse("system/" + permission).filter(scope -> scope.filter() == null)
        .orElseThrow(() -> new IllegalArgumentException("not a permission (Type.cruds): " + permission));
  }

  /** Whether it opens this interaction on this type; "*" opens every type but the audit trail. */
  public boolean opens(String type, Interaction interaction) {
    boolean typeMatches = resourceType.equals(type) || ("*".equals(resourceType) && !"AuditEvent".equals(type));
    return typeMatches && interactions.contains(interaction);
  }
}
