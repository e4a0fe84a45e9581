package org.casemgmt.adapter.security;

import java.util.List;
import java.util.Optional;

/**
 * What one request may do: the token's SMART scopes cut down to the caller's role. A scope only narrows a role and a
 * role only narrows a scope; neither widens the other.
 */
public record AccessGrant(Caller caller, Role role, List<SmartScope> scopes) {

  static AccessGrant of(Caller caller, Role role) {
    return new AccessGrant(caller, role,
        caller.scopes().stream().map(SmartScope::parse).flatMap(Optional::stream).toList());
  }

  /** Whether this interaction on this type is open at all (whose records is asked separately). */
  public boolean allows(String type, Interaction interaction) {
    return role.permits(type, interaction) && granting(type, interaction).findAny().isPresent();
  }

  /** Whether a bulk export may carry this type: the role exports it and a scope opens searching it. */
  public boolean allowsExport(String type) {
    return role.permitsExport(type) && granting(type, Interaction.SEARCH).findAny().isPresent();
  }

  /**
   * Whose records an interaction reaches: the role's clients when a user or system scope opens it, only the launch
   * patient when only patient scopes do.
   */
  public Whose whose(String type, Interaction interaction) {
    boolean beyondPatient = granting(type, interaction)
        .anyMatch(scope -> scope.context() != SmartScope.Context.PATIENT);
    if (beyondPatient) {
      return roleReach();
    }
    return caller.patient() == null || role.clients() == Role.Clients.NONE ? Whose.NONE : Whose.LAUNCH_PATIENT;
  }

  /** Whose records the role reaches, whatever the scopes. */
  Whose roleReach() {
    return switch (role.clients()) {
      case ALL -> Whose.ALL;
      case CASELOAD -> Whose.CASELOAD;
      case PARTNER -> Whose.PARTNER;
      case NONE -> Whose.NONE;
    };
  }

  /** The searches a resource must match (granular scopes); empty when a scope without one opens the interaction. */
  public List<String> filters(String type, Interaction interaction) {
    List<SmartScope> granting = granting(type, interaction).toList();
    if (granting.stream().anyMatch(scope -> scope.filter() == null)) {
      return List.of();
    }
    return granting.stream().map(SmartScope::filter).toList();
  }

  public boolean allowsOperation(String operation) {
    return role.permitsOperation(operation.startsWith("$") ? operation.substring(1) : operation);
  }

  private java.util.stream.Stream<SmartScope> granting(String type, Interaction interaction) {
    return scopes.stream().filter(scope -> scope.opens(type, interaction));
  }

  /** Whose records a request reaches. */
  public enum Whose { ALL, CASELOAD, PARTNER, LAUNCH_PATIENT, NONE }
}
