package org.casemgmt.adapter.ehr;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casemgmt.adapter.conformance.ProfileEnforcement;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.identity.ConcurrentWrites;
import org.casemgmt.routes.DeadLetters;
import org.casemgmt.routes.ehr.EhrPage;
import org.casemgmt.routes.ehr.EhrRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a pulled page on the client record in one transaction: its clients (matched on identifiers, as every feed
 * does), its Encounters and Conditions (each the stored resource sharing one of its identifiers, else new), one
 * Provenance naming the EHR, the dead letters of what was refused, and the page's watermark. Each resource is checked
 * against the profiles before the transaction, so one that would be refused is kept as a dead letter with the reason
 * and the rest of the page is recorded: an Encounter or Condition the EHR sent is checked once, when the page is
 * prepared (while the page before it is recorded); a client, and what the record makes of a resource by merging it into
 * a stored one, are checked when recorded. Concurrent writers (another source, ADT) collide on versions or identifier
 * claims; the loser is simply run again.
 */
@Component
class EhrPageRecorder implements EhrRecord {
  private final ClientIdentity identity;
  private final ProfileEnforcement profiles;
  private final DeadLetters deadLetters;
  private final EhrWatermarks watermarks;
  private final DaoRegistry daos;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final FhirContext fhirContext;
  private final TransactionTemplate transaction;
  private final Clock clock;

  EhrPageRecorder(ClientIdentity identity, ProfileEnforcement profiles, DeadLetters deadLetters,
      EhrWatermarks watermarks, DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao, FhirContext fhirContext,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.identity = identity;
    this.profiles = profiles;
    this.deadLetters = deadLetters;
    this.watermarks = watermarks;
    this.daos = daos;
    this.systemDao = systemDao;
    this.fhirContext = fhirContext;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Override
  public Optional<String> watermark(String sourceId, String resourceType) {
    return watermarks.of(sourceId, resourceType);
  }

  @Override
  public Prepared prepare(EhrPage page) {
    // Not the clients: most are stored already (a client's visits fall on many pages), and a stored client is
    // checked only when the page changes it, merged, while recorded.
    Map<Resource, String> invalid = new IdentityHashMap<>();
    page.resources().stream()
        .filter(pulled -> pulled.mapped() != null && pulled.refusal() == null && !(pulled.mapped() instanceof Patient))
        .forEach(pulled -> issues(atClient(pulled.mapped(), "Patient/" + pulled.clientId()))
            .ifPresent(issues -> invalid.put(pulled.mapped(), issues)));
    return new CheckedPage(page, invalid);
  }

  @Override
  public PageOutcome record(Prepared prepared) {
    CheckedPage page = (CheckedPage) (prepared instanceof CheckedPage ? prepared : prepare(prepared.page()));
    return ConcurrentWrites.retried(() -> transaction.execute(status -> new PageWrite(page).record()));
  }

  /**
   * A page whose mapped resources (not its clients) were checked against the profiles as the EHR sent them.
   *
   * @param invalid the issues of each mapped resource that is not valid; every other one is
   */
  private record CheckedPage(EhrPage page, Map<Resource, String> invalid) implements Prepared {
  }

  /** A copy of a mapped resource about the client: as it is checked and recorded. */
  private static DomainResource atClient(Resource mapped, String client) {
    DomainResource resource = (DomainResource) mapped.copy();
    if (resource instanceof Encounter visit) {
      visit.getSubject().setReference(client);
    } else if (resource instanceof Condition diagnosis) {
      diagnosis.getSubject().setReference(client);
    }
    return resource;
  }

  /** Why a resource cannot be recorded: becomes its dead letter's reason. */
  private static final class Refused extends Exception {
    Refused(String reason) {
      super(reason);
    }
  }

  /** One attempt at one page, in the transaction. */
  private final class PageWrite {
    private final EhrPage page;
    private final Map<Resource, String> invalid;
    private final Instant now = clock.instant();
    private final ClientRecordChanges changes = new ClientRecordChanges();
    private final Map<String, String> clients = new HashMap<>();
    private final Map<String, String> clientRefusals = new HashMap<>();
    /** The clients of this page by identifier: two EHR records of one person in one page are one client. */
    private final Map<String, String> clientsByIdentifier = new HashMap<>();
    private final Set<String> storedWritten = new HashSet<>();
    /** The clients to write, each checked against the profiles as it is written. */
    private final List<Patient> checkedClients = new ArrayList<>();
    /** Identifiers the page gives clients, claimed together before anything is written. */
    private final Map<String, Identifier> claims = new LinkedHashMap<>();
    private Function<Patient, Optional<ClientIdentity.Match>> matcher;
    private final List<Resource> sources = new ArrayList<>();
    private final List<Long> refused = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;

    PageWrite(CheckedPage checked) {
      this.page = checked.page();
      this.invalid = checked.invalid();
    }

    PageOutcome record() {
      matcher = identity.matcher(page.clients().values().stream().map(EhrPage.PulledClient::mapped)
          .filter(mapped -> mapped != null).toList());
      page.clients().forEach((id, client) -> {
        try {
          if (client.refusal() != null) {
            throw new Refused(client.refusal());
          }
          clients.put(id, client(client));
        } catch (Refused refusal) {
          clientRefusals.put(id, refusal.getMessage());
        }
      });
      StoredByIdentifier stored = stored(page.resourceType(), page.resources().stream()
          .filter(pulled -> pulled.mapped() != null)
          .flatMap(pulled -> StoredByIdentifier.identifiersOf(pulled.mapped()).stream()).toList());
      StoredByIdentifier visits = stored("Encounter", page.resources().stream()
          .filter(pulled -> pulled.mapped() instanceof Condition diagnosis && diagnosis.hasEncounter())
          .map(pulled -> ((Condition) pulled.mapped()).getEncounter().getIdentifier()).toList());
      for (EhrPage.Pulled pulled : page.resources()) {
        try {
          resource(pulled, stored, visits);
        } catch (Refused refusal) {
          keep(pulled, refusal.getMessage());
        }
      }
      identity.claim(List.copyOf(claims.values()));
      if (!changes.isEmpty()) {
        SystemRequestDetails request = new SystemRequestDetails();
        // Each resource was checked against its profiles above, clients against the required profile too.
        request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
        checkedClients.forEach(client -> ProfileEnforcement.checkedBefore(request, client));
        systemDao.transactionNested(request, changes.withProvenance(PageProvenance.of(page, sources, now)));
      }
      if (page.watermark() != null) {
        watermarks.advance(page.sourceId(), page.resourceType(), page.watermark(), now);
      }
      return new PageOutcome(created, updated, unchanged, refused);
    }

    /** The client's reference in this transaction. */
    private String client(EhrPage.PulledClient pulled) throws Refused {
      Patient incoming = pulled.mapped();
      for (Identifier identifier : incoming.getIdentifier()) {
        String earlier = clientsByIdentifier.get(StoredByIdentifier.key(identifier));
        if (earlier != null) {
          return earlier;
        }
      }
      Optional<ClientIdentity.Match> known;
      try {
        known = matcher.apply(incoming);
      } catch (ClientIdentity.AmbiguousClient ambiguous) {
        throw new Refused(where(pulled.received()) + ": " + ambiguous.getMessage());
      }
      Patient client = known.map(match -> KnownDemographics.kept(match.stored(), match.updated())).orElse(incoming);
      String reference;
      if (known.isPresent() && known.get().stored().equalsDeep(client)) {
        reference = changes.unchanged(client);
        unchanged++;
      } else {
        check(client, pulled.received());
        checkedClients.add(client);
        known.map(ClientIdentity.Match::newIdentifiers).orElse(incoming.getIdentifier())
            .forEach(id -> claims.putIfAbsent(StoredByIdentifier.key(id), id));
        // New: no stored client holds its identifiers, and their claims stop a concurrent writer making another.
        reference = known.isEmpty() ? changes.createKnownNew(client) : changes.update(client);
        count(known.isEmpty(), pulled.received());
      }
      incoming.getIdentifier().forEach(id -> clientsByIdentifier.put(StoredByIdentifier.key(id), reference));
      return reference;
    }

    private void resource(EhrPage.Pulled pulled, StoredByIdentifier stored, StoredByIdentifier visits)
        throws Refused {
      String client = clients.get(pulled.clientId());
      if (pulled.refusal() != null) {
        throw new Refused(pulled.refusal());
      }
      if (client == null) {
        String refusal = clientRefusals.get(pulled.clientId());
        throw new Refused(pulled.received() instanceof Patient ? refusal
            : where(pulled.received()) + ": its client Patient/" + pulled.clientId() + " cannot be recorded: "
                + refusal);
      }
      if (pulled.mapped() instanceof Patient) {
        return; // a pulled Patient is recorded as its own client, above
      }
      DomainResource incoming = atClient(pulled.mapped(), client);
      if (incoming instanceof Condition diagnosis) {
        Reference encounter = diagnosis.getEncounter();
        if (encounter.hasIdentifier()) {
          visits.find(List.of(encounter.getIdentifier())).ifPresent(found ->
              encounter.setReference("Encounter/" + found.getIdElement().getIdPart()));
        }
      }
      Optional<Resource> existing = stored.find(StoredByIdentifier.identifiersOf(incoming));
      if (existing.isEmpty()) {
        checked(pulled.mapped(), pulled.received());
        // The page's lookup, in this transaction, found none holding its identifiers: no conditional search.
        changes.createKnownNew(incoming);
        count(true, pulled.received());
        return;
      }
      String storedId = existing.get().getIdElement().toUnqualifiedVersionless().getValue();
      if (!storedWritten.add(storedId)) {
        throw new Refused(where(pulled.received()) + " shares an identifier with another resource of the same"
            + " page, both " + storedId);
      }
      DomainResource merged = PulledChanges.merged((DomainResource) existing.get(), incoming);
      if (merged.equalsDeep(existing.get())) {
        unchanged++;
        return;
      }
      check(merged, pulled.received());
      changes.update(merged);
      count(false, pulled.received());
    }

    private void count(boolean isNew, Resource received) {
      if (isNew) {
        created++;
      } else {
        updated++;
      }
      sources.add(received);
    }

    private void check(Resource resource, Resource received) throws Refused {
      Optional<String> issues = issues(resource);
      if (issues.isPresent()) {
        throw refused(resource, received, issues.get());
      }
    }

    /** Refuses a mapped resource the page's preparation found invalid. */
    private void checked(Resource mapped, Resource received) throws Refused {
      if (invalid.containsKey(mapped)) {
        throw refused(mapped, received, invalid.get(mapped));
      }
    }

    private Refused refused(Resource resource, Resource received, String issues) {
      return new Refused(where(received) + " does not make a valid " + resource.fhirType() + " of the record: "
          + issues);
    }

    private void keep(EhrPage.Pulled pulled, String reason) {
      String payload = fhirContext.newJsonParser().encodeResourceToString(page.deadLetterPayload(pulled));
      refused.add(deadLetters.keepWithBatch(page.feed(), page.location(pulled.received()), payload, reason));
    }

    private StoredByIdentifier stored(String type, List<Identifier> identifiers) {
      return new StoredByIdentifier(daos.getResourceDao(type), identifiers);
    }

    private String where(Resource received) {
      return received.fhirType() + "/" + received.getIdElement().getIdPart();
    }
  }

  /** What makes a resource invalid on the record, if anything. */
  private Optional<String> issues(Resource resource) {
    try {
      profiles.check(resource);
      return Optional.empty();
    } catch (UnprocessableEntityException refused) {
      return Optional.of(issues(refused));
    }
  }

  /** Each error the validator found, where it is and what it says. */
  private static String issues(UnprocessableEntityException refused) {
    if (!(refused.getOperationOutcome() instanceof OperationOutcome outcome)) {
      return refused.getMessage();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      String location = issue.getExpression().isEmpty() ? "" : issue.getExpression().get(0).getValue() + ": ";
      errors.putIfAbsent(location + issue.getDiagnostics(), "");
    }
    return errors.keySet().stream().collect(Collectors.joining("; "));
  }
}
