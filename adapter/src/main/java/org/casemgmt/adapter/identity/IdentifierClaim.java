package org.casemgmt.adapter.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An identifier (system and value) that a client holds. The primary key is what stops two transactions that each
 * give one identifier to a client of their own, such as two hospitals' first messages about a new person sharing a
 * Medicaid ID, from both committing: the database serialises them and the loser is retried, then finds the client.
 * A search cannot do this, since neither transaction sees the other's Patient before it commits.
 */
@Entity
@Table(name = "CM_IDENTIFIER_CLAIM")
class IdentifierClaim {
  /** system|value; identifier systems are URIs, so '|' cannot occur in one. */
  @Id
  @Column(name = "IDENTIFIER", nullable = false, length = 700)
  private String identifier;

  protected IdentifierClaim() {
  }

  IdentifierClaim(String identifier) {
    this.identifier = identifier;
  }
}
