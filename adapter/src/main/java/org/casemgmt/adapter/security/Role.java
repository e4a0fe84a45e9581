package org.casemgmt.adapter.security;

import java.util.List;
import java.util.Set;

/**
 * An agency role as configured ({@code config/security-roles.yml}), its permissions parsed.
 *
 * @param name the role's key
 * @param clients whose records it reaches
 * @param permissions the types and interactions it may use
 * @param operations the operations it may invoke (without '$'; "*" for all)
 * @param adminEndpoints whether {@code /admin} is open to it
 * @param subscriptions whether it may write Subscriptions
 * @param exports the types it may bulk export besides those it may search ("*": all but AuditEvent)
 */
public record Role(String name, Clients clients, List<SmartScope> permissions, Set<String> operations,
    boolean adminEndpoints, boolean subscriptions, Set<String> exports) {

  /** Whose records a role reaches. */
  public enum Clients { ALL, CASELOAD, PARTNER, NONE }

  /** A role for tokens whose role is missing or unknown: nothing. */
  static Role nothing(String name) {
    return new Role(name, Clients.NONE, List.of(), Set.of(), false, false, Set.of());
  }

  static Role of(String name, SecurityProperties.RoleDefinition definition) {
    Clients clients;
    try {
      clients = Clients.valueOf(definition.clients().trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("adapter.security.roles." + name + ".clients: one of all, caseload, partner,"
          + " none, not " + definition.clients());
    }
    List<SmartScope> permissions = definition.permissions().stream().map(permission -> {
      try {
        return SmartScope.permission(permission);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("adapter.security.roles." + name + ".permissions: " + e.getMessage());
      }
    }).toList();
    return new Role(name, clients, permissions, Set.copyOf(definition.operations()), definition.adminEndpoints(),
        definition.subscriptions(), Set.copyOf(definition.exports()));
  }

  boolean permits(String type, Interaction interaction) {
    return permissions.stream().anyMatch(permission -> permission.opens(type, interaction));
  }

  /**
   * Whether a bulk export may carry this type: one the role may search, or one of its exports. Like permissions,
   * "*" leaves out the audit trail, and Subscriptions (their endpoints and headers) go only to roles that manage them.
   */
  boolean permitsExport(String type) {
    if ("Subscription".equals(type) && !subscriptions) {
      return false;
    }
    return permits(type, Interaction.SEARCH) || exports.contains(type)
        || exports.contains("*") && !"AuditEvent".equals(type);
  }

  boolean permitsOperation(String operation) {
    return operations.contains("*") || operations.contains(operation);
  }
}
