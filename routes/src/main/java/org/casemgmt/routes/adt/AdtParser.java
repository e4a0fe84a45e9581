package org.casemgmt.routes.adt;

import java.util.Objects;
import java.util.Optional;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one HL7 v2 ADT message (v2.3 to v2.8, pipe-encoded, as received over MLLP or from a batch file) and maps
 * it to FHIR R4 resources, or says precisely why it cannot: an {@link AdtRejection} carries the acknowledgement
 * code, the HL7 error condition, the location and a reason, ready for {@link Acknowledgements#reject}.
 *
 * <p>Plain Java over HAPI's HL7 v2 parser and FHIR model: no transport, storage or identity matching, so every rule
 * is a unit test. Thread-safe: build one per set of mapping tables and identity policy, and share it.
 *
 * <p>Logs control ids, events and outcomes only, never names, dates or message text.
 */
public final class AdtParser {
  private static final Logger LOG = LoggerFactory.getLogger(AdtParser.class);

  private final V2Structures structures = new V2Structures();
  private final HeaderReader headers;
  private final AdtMapper mapper;

  public AdtParser(AdtMappingTables tables, IdentityPolicy identity) {
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(identity, "identity");
    headers = new HeaderReader(structures, tables);
    mapper = new AdtMapper(tables, identity);
  }

  /**
   * The message read and mapped. An ADT event this adapter does not act on comes back with
   * {@link AdtMessage#supported()} false and no resources: acknowledge it, do not reject it.
   *
   * @throws AdtRejection when the message is not HL7, not ADT, of another version, or its content is unusable
   */
  public AdtMessage parse(String raw) throws AdtRejection {
    String controlId = "unknown";
    try {
      Er7Text text = Er7Text.of(raw);
      Envelope envelope = headers.read(text);
      controlId = envelope.header().controlId();
      Optional<AdtEvent> event = AdtEvent.of(envelope.event());
      if (event.isEmpty()) {
        LOG.debug("ADT^{} {} ignored: not an event the adapter acts on", envelope.event(), controlId);
        return new AdtMessage(raw, envelope.header(), envelope.event(), null, null, null, null, null);
      }
      AdtMessage message = mapper.map(raw, envelope, event.get(), structures.parse(text, envelope.event()));
      LOG.debug("ADT^{} {} read: {} patient identifiers, {} merges, visit {}, {} diagnoses", message.event(),
          controlId, message.patient().getIdentifier().size(), message.merges().size(),
          message.encounter() == null ? "none" : "yes", message.diagnoses().size());
      return message;
    } catch (AdtRejection rejection) {
      LOG.info("ADT message {} refused: {}", controlId, rejection.getMessage());
      throw rejection;
    }
  }
}
