package org.casemgmt.routes.adt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * One ADT message, read and mapped: the raw text as received (for Provenance and replay), its header, its trigger
 * event, and the FHIR resources it states. The resources have no ids and no subject or encounter references:
 * which stored client and visit they belong to is for identity matching to decide, on their identifiers.
 *
 * @param patient   the client (PID), null for an event this adapter ignores; for A40 the first merge's survivor
 * @param merges    A40: each surviving patient with the identifiers (MRG-1) of the records merged into it
 * @param encounter the visit (PV1), null for A40, for ignored events, and when there is no visit
 * @param diagnoses the visit's diagnoses (DG1), empty without a visit
 * @param cleared   PID values the sender cleared with HL7's explicit null ({@code ""}), as positions such as
 *                  "PID-11.9" (county): the record forgets them; a value merely left empty keeps what is known
 */
public record AdtMessage(
    String raw,
    MessageHeader header,
    String event,
    Patient patient,
    List<Merge> merges,
    Encounter encounter,
    List<Condition> diagnoses,
    Set<String> cleared) {

  /** One PID/MRG group of an A40: the surviving patient and the identifiers of the record merged into it. */
  public record Merge(Patient survivor, List<Identifier> mergedIdentifiers) {
    public Merge {
      mergedIdentifiers = List.copyOf(mergedIdentifiers);
    }
  }

  public AdtMessage {
    merges = merges == null ? List.of() : List.copyOf(merges);
    diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
  }

  /**
   * SHA-256 of the message's segments, whatever ended them (CR, LF, CRLF) and whatever surrounded them (a byte-order
   * mark, framing bytes): the same message re-sent has the same digest, another message under a reused control id
   * has another.
   */
  public String contentDigest() {
    try {
      byte[] text = String.join("\r", Er7Text.segments(raw)).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Whether the adapter acts on this event (A01, A02, A03, A04, A06, A07, A08, A11, A13, A40). Any other ADT
   * event is well-formed but carries nothing the record needs: acknowledge it and record it as ignored.
   */
  public boolean supported() {
    return AdtEvent.of(event).isPresent();
  }
}
