package org.casemgmt.adapter.identity;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hibernate.exception.ConstraintViolationException;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * One client, many sources: a person known by an MRN at one hospital and a Medicaid ID in another feed is one Patient.
 * Matching is deterministic, on shared identifiers only (system and value); a merged-away Patient stands for the one
 * that replaced it. Every feed uses this one service.
 */
@Component
public class ClientIdentity {
  private final IFhirResourceDao<Patient> patients;
  @PersistenceContext
  private EntityManager entityManager;

  public ClientIdentity(DaoRegistry daoRegistry) {
    this.patients = daoRegistry.getResourceDao(Patient.class);
  }

  /** Identifiers that point at two different clients: they must be merged (A40) before this can be recorded. */
  public static class AmbiguousClient extends RuntimeException {
    AmbiguousClient(String message) {
      super(message);
    }
  }

  /** A stored client, as stored and with what a feed says of it folded in. */
  public record Match(Patient stored, Patient updated) {
    /** Whether the feed told anything the record does not hold yet (most messages repeat what it holds). */
    public boolean changesRecord() {
      return !stored.equalsDeep(updated);
    }

    /** Identifiers the feed gives the client that it did not hold. */
    public List<Identifier> newIdentifiers() {
      return updated.getIdentifier().stream()
          .filter(id -> stored.getIdentifier().stream().noneMatch(known -> sameIdentifier(known, id))).toList();
    }
  }

  /**
   * Claims the identifiers a client is about to be given, in the caller's transaction, which must then write them.
   * Two concurrent transactions giving one identifier to two clients collide here; one of them fails with Hibernate's
   * {@link ConstraintViolationException} and is to be retried. Without this, two hospitals' first messages about one
   * new person, arriving together, would make two clients. A claim committed earlier whose identifier a stored client
   * holds means that client was written after the caller looked for it: the caller is to run again (a version
   * conflict). One whose client is gone (deleted through the API) is left as it is.
   */
  public void claim(List<Identifier> identifiers) {
    List<IdentifierClaim> claims = new ArrayList<>();
    for (Identifier id : identifiers.stream().filter(id -> id.hasSystem() && id.hasValue()).toList()) {
      String identifier = id.getSystem() + "|" + id.getValue();
      if (entityManager.find(IdentifierClaim.class, identifier) == null) {
        claims.add(new IdentifierClaim(identifier));
      } else if (!withAnyIdentifierOf(List.of(id)).isEmpty()) {
        // Claimed and given to a client after this writer looked for one (it committed in between): run again,
        // and the match finds that client.
        throw new ResourceVersionConflictException("Identifier " + identifier + " was given to a client meanwhile");
      }
    }
    if (claims.isEmpty()) {
      return; // most messages: a known client, no new identifier
    }
    claims.forEach(entityManager::persist);
    // Now, not at commit: the loser waits here, before it has written anything else, and fails fast.
    entityManager.flush();
  }

  /**
   * The stored client the feed's Patient is, with the feed's demographics and any identifiers it did not have yet
   * folded in, or empty when no stored client shares an identifier with it (it is new). Runs in the caller's
   * transaction.
   */
  public Optional<Match> match(Patient incoming) {
    Map<String, Patient> clients = new LinkedHashMap<>();
    List<Identifier> held = new ArrayList<>();
    for (Patient found : withAnyIdentifierOf(incoming.getIdentifier())) {
      Patient client = survivor(found);
      clients.putIfAbsent(client.getIdElement().getIdPart(), client);
      held.addAll(found.getIdentifier());
    }
    if (clients.size() > 1) {
      throw new AmbiguousClient("The message's identifiers belong to " + clients.size() + " different clients "
          + clients.keySet() + "; merge them (A40) first");
    }
    return clients.values().stream().findFirst().map(client -> new Match(client, foldIn(client, incoming, held)));
  }

  /**
   * The clients a merge (A40) retires: those holding the merged-away identifiers, other than the surviving client.
   *
   * @param survivorId the surviving client's id, or null when it is new
   */
  public List<Patient> mergedAway(List<Identifier> mergedIdentifiers, String survivorId) {
    Map<String, Patient> retired = new LinkedHashMap<>();
    for (Patient found : withAnyIdentifierOf(mergedIdentifiers)) {
      Patient client = survivor(found);
      if (!client.getIdElement().getIdPart().equals(survivorId)) {
        retired.putIfAbsent(client.getIdElement().getIdPart(), client);
      }
    }
    return List.copyOf(retired.values());
  }

  /** Patients holding any of the identifiers (active or merged away). */
  public List<Patient> withAnyIdentifierOf(List<Identifier> identifiers) {
    TokenOrListParam any = new TokenOrListParam();
    identifiers.stream().filter(id -> id.hasSystem() && id.hasValue())
        .forEach(id -> any.add(id.getSystem(), id.getValue()));
    if (any.getValuesAsQueryTokens().isEmpty()) {
      return List.of();
    }
    SearchParameterMap byIdentifier = SearchParameterMap.newSynchronous().add(Patient.SP_IDENTIFIER, any);
    return patients.searchForResources(byIdentifier, new SystemRequestDetails()).stream()
        .map(Patient.class::cast).toList();
  }

  private static boolean sameIdentifier(Identifier a, Identifier b) {
    return a.getSystem() != null && a.getSystem().equals(b.getSystem())
        && a.getValue() != null && a.getValue().equals(b.getValue());
  }

  /** The Patient that replaced a merged-away one (following the chain), or the Patient itself. */
  public Patient survivor(Patient patient) {
    Patient current = patient;
    for (int hops = 0; hops < 10; hops++) {
      Optional<Reference> replacedBy = current.getLink().stream()
          .filter(link -> link.getType() == Patient.LinkType.REPLACEDBY).map(Patient.PatientLinkComponent::getOther)
          .findFirst();
      if (replacedBy.isEmpty()) {
        return current;
      }
      current = patients.read(replacedBy.get().getReferenceElement().toUnqualifiedVersionless(),
          new SystemRequestDetails());
    }
    throw new IllegalStateException("Patient/" + patient.getIdElement().getIdPart() + " has a replaced-by cycle");
  }

  /**
   * The latest message speaks for demographics; identifiers accumulate, except those a merged-away client already
   * holds (they lead here through its replaced-by link).
   */
  private static Patient foldIn(Patient stored, Patient incoming, List<Identifier> held) {
    Patient client = stored.copy();
    incoming.getIdentifier().stream()
        .filter(id -> held.stream().noneMatch(known -> sameIdentifier(known, id)))
        .forEach(client::addIdentifier);
    if (incoming.hasName()) {
      client.setName(incoming.getName());
    }
    if (incoming.hasGender()) {
      client.setGender(incoming.getGender());
    }
    if (incoming.hasBirthDate()) {
      client.setBirthDateElement(incoming.getBirthDateElement());
    }
    if (incoming.hasAddress()) {
      client.setAddress(incoming.getAddress());
    }
    if (incoming.hasTelecom()) {
      client.setTelecom(incoming.getTelecom());
    }
    if (incoming.hasCommunication()) {
      client.setCommunication(incoming.getCommunication());
    }
    return client;
  }
}
