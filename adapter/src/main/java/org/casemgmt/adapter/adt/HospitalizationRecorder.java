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
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.identity.ClientReferences;
import org.casemgmt.adapter.identity.ConcurrentWrites;
import org.casemgmt.routes.adt.AdtMessage;
import org.casemgmt.routes.adt.AdtRejection;
import org.casemgmt.routes.adt.HospitalizationRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
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

  private final ClientIdentity identity;
  private final ClientReferences references;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final IFhirResourceDao<Encounter> encounters;
  private final IFhirResourceDao<Condition> conditions;
  private final TransactionTemplate transaction;
  private final Clock clock;
  @PersistenceContext
  private EntityManager entityManager;

  HospitalizationRecorder(ClientIdentity identity, ClientReferences references, DaoRegistry daoRegistry,
      IFhirSystemDao<Bundle, ?> systemDao, PlatformTransactionManager transactionManager, Clock clock) {
    this.identity = identity;
    this.references = references;
    this.systemDao = systemDao;
    this.encounters = daoRegistry.getResourceDao(Encounter.class);
    this.conditions = daoRegistry.getResourceDao(Condition.class);
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Override
  public Outcome record(AdtMessage message) throws AdtRejection {
    try {
      return ConcurrentWrites.retried(() -> transaction.execute(status -> recordOnce(message)));
    } catch (ClientIdentity.AmbiguousClient conflict) {
      throw AdtRejection.refused("PID", conflict.getMessage());
    } catch (UnprocessableEntityException invalid) {
      throw AdtRejection.refused("PID", "The message does not make a valid client record: "
          + invalid.getMessage());
    }
  }

  private Outcome recordOnce(AdtMessage message) {
    String sender = message.header().sendingApplication() + "^" + message.header().sendingFacility();
    if (alreadyReceived(sender, message.header().controlId())) {
      return Outcome.DUPLICATE;
    }
    Outcome outcome = message.supported() ? Outcome.RECORDED : Outcome.IGNORED;
    if (message.supported()) {
      systemDao.transactionNested(new SystemRequestDetails(), changes(message));
    }
    entityManager.persist(new ReceivedMessage(sender, message.header().controlId(), message.event(),
        outcome.name(), clock.instant()));
    return outcome;
  }

  private boolean alreadyReceived(String sender, String controlId) {
    return !entityManager.createQuery("select m.id from ReceivedMessage m where m.sender = :sender"
            + " and m.controlId = :controlId", Long.class)
        .setParameter("sender", sender).setParameter("controlId", controlId).getResultList().isEmpty();
  }

  /** The transaction that brings the record in line with the message. */
  private Bundle changes(AdtMessage message) {
    ClientRecordChanges changes = new ClientRecordChanges();
    Optional<ClientIdentity.Match> known = identity.match(message.patient());
    identity.claim(known.map(ClientIdentity.Match::newIdentifiers).orElse(message.patient().getIdentifier()));
    Patient survivor = known.map(ClientIdentity.Match::updated).orElse(message.patient());
    List<Patient> retired = identity.mergedAway(message.mergedPatientIdentifiers(),
        known.map(match -> match.stored().getIdElement().getIdPart()).orElse(null));
    // The retired client keeps its identifiers (a client has one Medicaid ID); identity follows its replaced-by link.
    retired.forEach(old -> survivor.addLink().setType(Patient.LinkType.REPLACES)
        .setOther(new Reference("Patient/" + old.getIdElement().getIdPart())));
    String client = known.isEmpty() ? changes.create(survivor)
        : known.get().changesRecord() ? changes.update(survivor) : changes.unchanged(survivor);
    retired.forEach(old -> retire(old, client, changes));

    Encounter incoming = message.encounter();
    if (incoming != null) {
      Optional<Encounter> stored = storedVisit(incoming.getIdentifierFirstRep());
      Encounter visit = VisitUpdate.apply(stored.orElse(null), incoming, message.event(), eventTime(message));
      visit.getSubject().setReference(client);
      String visitRef = stored.isPresent() ? changes.update(visit) : changes.create(visit);
      for (Condition diagnosis : message.diagnoses()) {
        diagnosis.getSubject().setReference(client);
        diagnosis.getEncounter().setReference(visitRef);
        changes.create(diagnosis);
      }
      if (visit.getStatus() == Encounter.EncounterStatus.CANCELLED && stored.isPresent()) {
        diagnosesOf(stored.get()).forEach(diagnosis -> changes.update(enteredInError(diagnosis)));
      }
    }
    return changes.withProvenance(new MessageProvenance(message, clock.instant()).resource());
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
