package org.casemgmt.adapter.adt;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.identity.ClientReferences;
import org.casemgmt.adapter.identity.ConcurrentWrites;
import org.casemgmt.routes.adt.AdtMessage;
import org.casemgmt.routes.adt.AdtRejection;
import org.casemgmt.routes.adt.Hl7Error;
import org.casemgmt.routes.adt.HospitalizationRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an ADT message on the client record: the client (matched on identifiers), the visit's Encounter, its
 * diagnoses and a Provenance naming the message, all in one transaction together with the message's control id, so
 * that the sender's AA means committed and a re-delivery writes nothing. Concurrent messages about the same client or
 * visit collide on versions or conditional-create keys; the loser is simply run again.
 */
@Component
class HospitalizationRecorder implements HospitalizationRecord {

  private static final Logger log = LoggerFactory.getLogger(HospitalizationRecorder.class);

  private final ClientIdentity identity;
  private final ClientReferences references;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final IFhirResourceDao<Encounter> encounters;
  private final IFhirResourceDao<Condition> conditions;
  private final TransactionTemplate transaction;
  private final AdtRecordingProperties settings;
  private final ReceivedMessages received;
  private final UnmappedFacilities unmappedFacilities;
  private final Clock clock;
  @PersistenceContext
  private EntityManager entityManager;

  HospitalizationRecorder(ClientIdentity identity, ClientReferences references, DaoRegistry daoRegistry,
      IFhirSystemDao<Bundle, ?> systemDao, PlatformTransactionManager transactionManager,
      AdtRecordingProperties settings, ReceivedMessages received, UnmappedFacilities unmappedFacilities,
      Clock clock) {
    this.identity = identity;
    this.references = references;
    this.systemDao = systemDao;
    this.encounters = daoRegistry.getResourceDao(Encounter.class);
    this.conditions = daoRegistry.getResourceDao(Condition.class);
    this.transaction = new TransactionTemplate(transactionManager);
    this.settings = settings;
    this.received = received;
    this.unmappedFacilities = unmappedFacilities;
    this.clock = clock;
  }

  /**
   * Records the message, or says why not in the sender's terms. Only a failure a resend can fix (the database down,
   * a timeout) leaves as an exception, which the sender hears as AE 207; everything else is an {@link AdtRejection}
   * with its own code.
   */
  @Override
  public Outcome record(AdtMessage message) throws AdtRejection {
    try {
      Outcome outcome = ConcurrentWrites.retried(() -> transaction.execute(status -> recordOnce(message)));
      if (outcome == Outcome.RECORDED && !message.header().facilityKnown()) {
        unmappedFacilities.seen(message.header().sendingFacility());
      }
      return outcome;
    } catch (Refused refused) {
      throw refused.rejection;
    } catch (ClientIdentity.AmbiguousClient conflict) {
      throw AdtRejection.refused(Hl7Error.DUPLICATE_KEY, "PID", 3, conflict.getMessage());
    } catch (UnprocessableEntityException invalid) {
      throw invalidRecord(invalid);
    } catch (RuntimeException failure) {
      if (TransientFailures.isTransient(failure)) {
        throw failure;
      }
      log.error("ADT {} {} could not be recorded: {} at {}", message.event(), message.header().controlId(),
          failure.getClass().getName(), failure.getStackTrace().length == 0 ? "?" : failure.getStackTrace()[0]);
      throw AdtRejection.internal("The message could not be recorded (" + failure.getClass().getSimpleName()
          + "): the receiver keeps it and will record it once its fault is fixed; do not resend");
    }
  }

  private Outcome recordOnce(AdtMessage message) {
    String sender = message.header().sendingApplication() + "^" + message.header().sendingFacility();
    String controlId = message.header().controlId();
    String digest = message.contentDigest();
    List<String> earlier = received.digests(sender, controlId);
    if (earlier.contains(digest)) {
      return Outcome.DUPLICATE;
    }
    if (!earlier.isEmpty()) {
      if (settings.reusedControlId() == AdtRecordingProperties.ControlIdReuse.REFUSE) {
        throw new Refused(AdtRejection.rejected(Hl7Error.DUPLICATE_KEY, "MSH", 10, "MSH-10 control id '"
            + controlId + "' was used by this sender for a different message, recorded before: send this message"
            + " under a control id of its own"));
      }
      log.warn("ADT^{} {} from {}: control id used before for a different message; recorded as a new message",
          message.event(), controlId, message.header().sendingFacility());
    }
    Outcome outcome = message.supported() ? Outcome.RECORDED : Outcome.IGNORED;
    if (message.supported() && message.merges().isEmpty()) {
      systemDao.transactionNested(new SystemRequestDetails(), changes(message));
    } else if (message.supported()) {
      // Each merge of an A40 in turn, in this one database transaction: a later one finds what an earlier one did.
      for (AdtMessage.Merge merge : message.merges()) {
        ClientRecordChanges changes = new ClientRecordChanges();
        client(merge.survivor(), Set.of(), merge.mergedIdentifiers(), changes);
        systemDao.transactionNested(new SystemRequestDetails(),
            changes.withProvenance(new MessageProvenance(message, clock.instant()).resource()));
        entityManager.flush();
      }
    }
    received.add(new ReceivedMessage(sender, controlId, digest, message.event(), outcome.name(), clock.instant()));
    return outcome;
  }

  /** The transaction that brings the record in line with the message. */
  private Bundle changes(AdtMessage message) {
    ClientRecordChanges changes = new ClientRecordChanges();
    String client = client(message.patient(), message.cleared(), List.of(), changes);

    Encounter incoming = message.encounter();
    if (incoming != null) {
      Optional<Encounter> stored = storedVisit(incoming.getIdentifierFirstRep());
      Encounter visit = VisitUpdate.apply(stored.orElse(null), incoming, message.event(), eventTime(message));
      visit.getSubject().setReference(client);
      String visitRef = stored.isPresent() ? changes.update(visit) : changes.create(visit);
      List<Condition> known = stored.map(this::diagnosesOf).orElse(List.of());
      if (visit.getStatus() == Encounter.EncounterStatus.CANCELLED && stored.isPresent()) {
        known.forEach(diagnosis -> changes.update(enteredInError(diagnosis)));
      } else {
        diagnoses(message, known, client, visitRef, changes);
      }
    }
    return changes.withProvenance(new MessageProvenance(message, clock.instant()).resource());
  }

  /**
   * The message's diagnoses on the stay: new ones added, known ones moved on ({@link DiagnosisProgress}), and where
   * the event's list is complete (A08 with DG1s) known ones it no longer holds withdrawn. Diagnoses other systems
   * put on the stay are not this feed's to withdraw.
   */
  private void diagnoses(AdtMessage message, List<Condition> known, String client, String visitRef,
      ClientRecordChanges changes) {
    Map<String, Condition> knownByKey = new HashMap<>();
    known.forEach(diagnosis -> knownByKey.put(key(diagnosis.getIdentifierFirstRep()), diagnosis));
    Set<String> sent = new HashSet<>();
    for (Condition diagnosis : message.diagnoses()) {
      String key = key(diagnosis.getIdentifierFirstRep());
      sent.add(key);
      Condition stored = knownByKey.get(key);
      if (stored == null) {
        diagnosis.getSubject().setReference(client);
        diagnosis.getEncounter().setReference(visitRef);
        changes.create(diagnosis);
      } else {
        DiagnosisProgress.sentAgain(stored, diagnosis).ifPresent(changes::update);
      }
    }
    if (!message.diagnoses().isEmpty() && settings.completeDiagnosisLists().contains(message.event())) {
      String feedSystem = message.diagnoses().get(0).getIdentifierFirstRep().getSystem();
      known.stream()
          .filter(diagnosis -> feedSystem.equals(diagnosis.getIdentifierFirstRep().getSystem()))
          .filter(diagnosis -> !sent.contains(key(diagnosis.getIdentifierFirstRep())))
          .forEach(diagnosis -> DiagnosisProgress.withdrawn(diagnosis).ifPresent(changes::update));
    }
  }

  private static String key(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }

  /**
   * The client the message is about, matched on its identifiers (new, updated or unchanged), with the clients a
   * merge retires folded into it; returns the reference the transaction's other entries use for it.
   */
  private String client(Patient incoming, Set<String> cleared, List<Identifier> mergedIdentifiers,
      ClientRecordChanges changes) {
    Optional<ClientIdentity.Match> known = identity.match(incoming);
    identity.claim(known.map(ClientIdentity.Match::newIdentifiers).orElse(incoming.getIdentifier()));
    Patient survivor = known.map(match -> ClientDemographics.fold(match.stored(), match.updated(), incoming, cleared))
        .orElseGet(() -> ClientDemographics.firstMet(incoming));
    List<Patient> retired = identity.mergedAway(mergedIdentifiers,
        known.map(match -> match.stored().getIdElement().getIdPart()).orElse(null));
    // The retired client keeps its identifiers (a client has one Medicaid ID); identity follows its replaced-by link.
    retired.forEach(old -> survivor.addLink().setType(Patient.LinkType.REPLACES)
        .setOther(new Reference("Patient/" + old.getIdElement().getIdPart())));
    // A new client's identifiers are claimed above, which keeps it single: a plain create, no search by HAPI again.
    String client = known.isEmpty() ? changes.createKnownNew(survivor)
        : !known.get().stored().equalsDeep(survivor) ? changes.update(survivor) : changes.unchanged(survivor);
    retired.forEach(old -> retire(old, client, changes));
    return client;
  }

  /** A profile violation of what the message would write: the segment it came from, and why. */
  private static AdtRejection invalidRecord(UnprocessableEntityException invalid) {
    String issues = invalid.getMessage() == null ? "" : invalid.getMessage();
    String segment = issues.contains("Encounter.") ? "PV1" : issues.contains("Condition.") ? "DG1" : "PID";
    Hl7Error error = issues.contains("minimum required") ? Hl7Error.REQUIRED_FIELD_MISSING : Hl7Error.DATA_TYPE;
    return AdtRejection.refused(error, segment, 0, "The message does not make a valid record: " + issues);
  }

  /** A refusal decided inside the transaction, carried out of it (a transaction callback throws no checked ones). */
  private static final class Refused extends RuntimeException {
    private final AdtRejection rejection;

    Refused(AdtRejection rejection) {
      super(null, null, false, false);
      this.rejection = rejection;
    }
  }

  /** A merge (A40): the old client is marked as replaced, and everything that refers to it moves to the survivor. */
  private void retire(Patient old, String survivor, ClientRecordChanges changes) {
    Patient replaced = old.copy();
    replaced.setActive(false);
    replaced.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference(survivor));
    changes.update(replaced);
    references.movedTo("Patient/" + old.getIdElement().getIdPart(), survivor).forEach(changes::update);
  }

  private Optional<Encounter> storedVisit(Identifier visitNumber) {
    SearchParameterMap byVisit = SearchParameterMap.newSynchronous()
        .add(Encounter.SP_IDENTIFIER, new TokenParam(visitNumber.getSystem(), visitNumber.getValue()));
    return encounters.searchForResources(byVisit, new SystemRequestDetails()).stream()
        .map(Encounter.class::cast).findFirst();
  }

  private List<Condition> diagnosesOf(Encounter visit) {
    SearchParameterMap byVisit = SearchParameterMap.newSynchronous()
        .add(Condition.SP_ENCOUNTER, new ReferenceParam(visit.getIdElement().toUnqualifiedVersionless().getValue()));
    return conditions.searchForResources(byVisit, new SystemRequestDetails()).stream()
        .map(Condition.class::cast).toList();
  }

  /** The diagnoses of a cancelled admission were never true of this stay. */
  private static Resource enteredInError(Condition diagnosis) {
    Condition withdrawn = diagnosis.copy();
    withdrawn.getVerificationStatus().getCodingFirstRep()
        .setSystem("http://terminology.hl7.org/CodeSystem/condition-ver-status").setCode("entered-in-error");
    withdrawn.setClinicalStatus(null);
    return withdrawn;
  }

  private static Date eventTime(AdtMessage message) {
    return message.header().sentAt() == null ? new Date() : Date.from(message.header().sentAt().toInstant());
  }
}
