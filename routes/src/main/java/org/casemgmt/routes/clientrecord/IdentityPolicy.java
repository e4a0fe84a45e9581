package org.casemgmt.routes.clientrecord;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How every feed and eligibility name a person ({@code config/client-identity.yml}, {@code adapter.identity.*}): the
 * one system Medicaid member ids get, whichever feed brings them, is what lets identity matching join an ADT
 * admission, an EHR's patient, a claim and an enrollment into one client; the identifiers never stored keep what a
 * breach could expose small. One home, because a feed with its own copy would file the same member id under another
 * system and split the client. A misspelt key stops start-up.
 *
 * @param medicaid                 how a Medicaid member id is recognised and the system it gets
 * @param ignoredIdentifierTypes   v2-0203 identifier types (CX-5, Identifier.type) never copied into the record
 * @param ignoredIdentifierSystems identifier systems never copied into the record
 */
@ConfigurationProperties(prefix = "adapter.identity", ignoreUnknownFields = false)
public record IdentityPolicy(Medicaid medicaid, List<String> ignoredIdentifierTypes,
    List<String> ignoredIdentifierSystems) {

  /** The system Medicaid member ids get when the policy names none. */
  public static final String DEFAULT_MEDICAID_SYSTEM = "urn:oid:2.16.840.1.113883.4.927";
  /** HL7's identifier types, under which the client profile's slices expect MB for the Medicaid id. */
  public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

  public IdentityPolicy {
    medicaid = Objects.requireNonNullElse(medicaid, new Medicaid(null, null, null));
    ignoredIdentifierTypes = upperCase(ignoredIdentifierTypes);
    ignoredIdentifierSystems = Objects.requireNonNullElse(ignoredIdentifierSystems, List.<String>of()).stream()
        .map(String::trim).toList();
  }

  /**
   * How a Medicaid member id is told apart from a facility's record number in HL7 v2 (CX-4 authority, CX-5 type).
   *
   * @param system          the identifier system of Medicaid member ids
   * @param authorities     assigning authorities whose identifiers are Medicaid ids, whatever their type
   * @param identifierTypes CX-5 types that mark a Medicaid id from an authority the ADT mapping does not list
   */
  public record Medicaid(String system, List<String> authorities, List<String> identifierTypes) {
    public Medicaid {
      system = system == null || system.isBlank() ? DEFAULT_MEDICAID_SYSTEM : system.trim();
      authorities = upperCase(authorities);
      identifierTypes = upperCase(identifierTypes);
    }

    /** Whether a CX of this authority (namespace id or universal id) and type is a Medicaid member id. */
    public boolean marks(String namespaceId, String universalId, String identifierType) {
      return authorities.contains(upper(namespaceId)) || authorities.contains(upper(universalId))
          || identifierTypes.contains(upper(identifierType));
    }
  }

  /** Whether an identifier of this type or system must not be kept; either may be null. */
  public boolean ignores(String identifierType, String system) {
    return ignoredIdentifierTypes.contains(upper(identifierType))
        || system != null && ignoredIdentifierSystems.contains(system.trim());
  }

  /** A member id as every feed records it: in the Medicaid system, typed MB as the client profile expects. */
  public Identifier medicaidId(String memberId) {
    return new Identifier().setSystem(medicaid.system()).setValue(memberId)
        .setType(new CodeableConcept().addCoding(new Coding(V2_0203, "MB", null)));
  }

  /** The policy in one line for the start-up log: systems and codes, never an identifier. */
  public String summary() {
    return "Medicaid system " + medicaid.system() + " (authorities " + medicaid.authorities() + ", types "
        + medicaid.identifierTypes() + "), ignored types " + ignoredIdentifierTypes + ", ignored systems "
        + ignoredIdentifierSystems;
  }

  private static List<String> upperCase(List<String> values) {
    return Objects.requireNonNullElse(values, List.<String>of()).stream().map(IdentityPolicy::upper).toList();
  }

  private static String upper(String value) {
    return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
  }
}
