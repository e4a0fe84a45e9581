package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;

/**
 * Patient identifiers (CX, in PID-3, PID-2 and MRG-1) with the systems that make them comparable across senders:
 * a facility's record numbers get that facility's system, Medicaid member IDs one Medicaid system whichever
 * facility sent them (that is what lets identity matching join two hospitals' records of one person), anything the
 * tables do not know a system built from the sending facility and the authority.
 *
 * <p>What makes a Medicaid id and which identifiers are never kept is the identity policy every feed shares, not
 * ADT's own: identifiers of an ignored type (social security numbers, driver's licences), or mapped to an ignored
 * system, are dropped, since the record does not need them to find a client and keeping them would only widen what
 * a breach exposes.
 */
final class IdentifierMapper {
  /**
   * HL7 table 0203 types that name a person's record or registration, kept as the sender typed them when the
   * authority is not in the tables: a patient internal id (PI) or a health card number (JHN) filed as a medical
   * record number would mislead whoever reads the record. Any other type (none, a local code such as CF, a misspelt
   * SSN) becomes MR, the documented fallback: only codes of v2-0203 may go under its system.
   */
  private static final Set<String> PERSON_TYPES =
      Set.of("MR", "MRT", "PI", "PT", "PN", "JHN", "HC", "NH", "NI", "MC", "SN");

  private final AdtMappingTables tables;
  private final IdentityPolicy identity;

  IdentifierMapper(AdtMappingTables tables, IdentityPolicy identity) {
    this.tables = tables;
    this.identity = identity;
  }

  /** The usable identifiers of every repetition of a CX field, duplicates (same system and value) once. */
  List<Identifier> identifiers(V2Segment segment, int field, Envelope envelope) {
    Map<String, Identifier> unique = new LinkedHashMap<>();
    for (int repetition = 0; repetition < segment.repetitions(field); repetition++) {
      Identifier identifier = identifier(segment, field, repetition, envelope);
      if (identifier != null) {
        unique.putIfAbsent(identifier.getSystem() + "|" + identifier.getValue(), identifier);
      }
    }
    return new ArrayList<>(unique.values());
  }

  /** One repetition, or null when it has no value or is of an ignored type or system. */
  Identifier identifier(V2Segment segment, int field, int repetition, Envelope envelope) {
    String value = segment.get(field, repetition, 1, 1);
    String type = segment.get(field, repetition, 5, 1).toUpperCase(Locale.ROOT);
    if (value.isEmpty() || identity.ignores(type, null)) {
      return null;
    }
    HierarchicDesignator authority = segment.designator(field, repetition, 4);
    Identifier identifier = tables.identifierAuthority(authority.namespaceId(), authority.universalId(), type)
        .map(known -> identifier(known.system(), known.type(), value))
        .orElseGet(() -> identity.medicaid().marks(authority.namespaceId(), authority.universalId(), type)
            ? identity.medicaidId(value)
            : identifier(LocalSystems.of(envelope.senderName(), authority.name()),
                PERSON_TYPES.contains(type) ? type : "MR", value));
    return identity.ignores(null, identifier.getSystem()) ? null : identifier;
  }

  static Identifier identifier(String system, String type, String value) {
    return new Identifier()
        .setType(new CodeableConcept().addCoding(new Coding(Guide.V2_0203, type, null)))
        .setSystem(system)
        .setValue(value);
  }
}
