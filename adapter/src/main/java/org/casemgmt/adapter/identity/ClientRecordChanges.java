package org.casemgmt.adapter.identity;

import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR transaction one message or one member's evidence turns into. New resources are conditional creates on their
 * source identifier, so two messages racing to create the same client or visit make one; updates carry the version
 * they were read at, so a concurrent change makes the transaction fail and be retried rather than be overwritten.
 */
public final class ClientRecordChanges {
  private final Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
  private final List<Reference> written = new ArrayList<>();

  /**
   * A new resource, unless one with its identifier exists already (then that one is kept as it is); returns the
   * reference other entries use for it.
   */
  public String create(Resource resource) {
    String fullUrl = "urn:uuid:" + UUID.randomUUID();
    Bundle.BundleEntryRequestComponent request = transaction.addEntry().setFullUrl(fullUrl).setResource(resource)
        .getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    identifierOf(resource).ifPresent(id -> request.setIfNoneExist("identifier=" + token(id)));
    written.add(new Reference(fullUrl));
    return fullUrl;
  }

  /**
   * A new resource the caller knows is not stored yet (its own bookkeeping says so, in the same transaction), so no
   * search for an existing one is needed; returns the reference other entries use for it.
   */
  public String createKnownNew(Resource resource) {
    String fullUrl = "urn:uuid:" + UUID.randomUUID();
    transaction.addEntry().setFullUrl(fullUrl).setResource(resource)
        .getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    written.add(new Reference(fullUrl));
    return fullUrl;
  }

  /**
   * A resource kept under its identifier: created the first time, a new version of the same resource every time
   * after (history kept, nothing deleted); returns the reference other entries use for it.
   */
  public String upsert(Resource resource) {
    Identifier identifier = identifierOf(resource).orElseThrow(() -> new IllegalArgumentException(
        resource.fhirType() + " has no identifier to be kept under"));
    String fullUrl = "urn:uuid:" + UUID.randomUUID();
    transaction.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(HTTPVerb.PUT)
        .setUrl(resource.fhirType() + "?identifier=" + token(identifier));
    written.add(new Reference(fullUrl));
    return fullUrl;
  }

  /** A stored resource, changed; refused if someone else changed it since it was read. */
  public String update(Resource resource) {
    String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    transaction.addEntry().setFullUrl(reference).setResource(resource).getRequest()
        .setMethod(HTTPVerb.PUT).setUrl(reference)
        .setIfMatch("W/\"" + resource.getIdElement().getVersionIdPart() + "\"");
    written.add(new Reference(reference));
    return reference;
  }

  /** A stored resource the message leaves as it is (not written, so not a target of the Provenance). */
  public String unchanged(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  /** The transaction, with the Provenance of everything it writes. */
  public Bundle withProvenance(Provenance provenance) {
    written.forEach(target -> provenance.addTarget(target.copy()));
    return add(provenance);
  }

  /** A Provenance for the given entries only (their references as returned above). */
  public void provenance(Provenance provenance, String... targets) {
    for (String target : targets) {
      provenance.addTarget(new Reference(target));
    }
    add(provenance);
  }

  /** The transaction as built so far. */
  public Bundle transaction() {
    return transaction;
  }

  public boolean isEmpty() {
    return transaction.getEntry().isEmpty();
  }

  private Bundle add(Provenance provenance) {
    transaction.addEntry().setResource(provenance).getRequest().setMethod(HTTPVerb.POST).setUrl("Provenance");
    return transaction;
  }

  /**
   * An identifier as a token in a conditional URL: FHIR search escapes ({@code \\ , | $}) and URL encoding, so a
   * value with a space, comma or bar (visit numbers have them) is matched as it is rather than misread.
   */
  static String token(Identifier identifier) {
    String value = identifier.getValue().replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|")
        .replace("$", "\\$");
    return UrlUtil.escapeUrlParam(identifier.getSystem()) + "|" + UrlUtil.escapeUrlParam(value);
  }

  private static Optional<Identifier> identifierOf(Resource resource) {
    return resource.getNamedProperty("identifier") == null ? Optional.empty()
        : resource.getNamedProperty("identifier").getValues().stream()
            .map(Identifier.class::cast).filter(id -> id.hasSystem() && id.hasValue()).findFirst();
  }
}
