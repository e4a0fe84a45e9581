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
 */
public record Role(String name, Clients clients, List<SmartScope> permissions, Set<String> operations,
    boolean adminEndpoints, boolean subscriptions) {

  /** Whose records a role reaches. */
  public enum Clients { ALL, CASELOAD, PARTNER, NONE }

  /** A role for tokens whose role is missing or unknown: nothing. */
  static Role nothing(String name) {
    return new Role(name, Clients.NONE, List.of(), Set.of(), false, false);
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
        definition.subscriptions());
  }

  boolean permits(String type, Interaction interaction) {
    return permissions.stream().anyMatch(permission -> permission.opens(type, interaction));
  }

  boolean permitsOperation(String operation) {
    return operations.contains("*") || operations.contains(operation);
  }
}
