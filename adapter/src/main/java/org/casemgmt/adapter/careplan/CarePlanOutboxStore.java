package org.casemgmt.adapter.careplan;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.FhirTerser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casemgmt.routes.careplan.CarePlanContent;
import org.casemgmt.routes.careplan.CarePlanOutbox;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in the service's database ({@code CM_CAREPLAN_OUTBOX}). Entries are queued inside the transaction of the
 * change that calls for them ({@link #queue}), so they commit or roll back with it and survive a restart; the drain
 * works on them in transactions of its own.
 */
@Component
class CarePlanOutboxStore implements CarePlanOutbox {
  @PersistenceContext
  private EntityManager entityManager;
  private final TransactionTemplate transaction;
  private final DaoRegistry daos;
  private final FhirTerser terser;
  private final Clock clock;

  CarePlanOutboxStore(PlatformTransactionManager transactionManager, DaoRegistry daos, FhirContext fhirContext,
      Clock clock) {
    this.transaction = new TransactionTemplate(transactionManager);
    this.daos = daos;
    this.terser = fhirContext.newTerser();
    this.clock = clock;
  }

  /** Queues a send of the plan to the endpoint, in the caller's transaction: due at once, its retries afresh. */
  void queue(String carePlanId, long version, String endpointId) {
    Instant now = clock.instant();
    int taken = entityManager.createQuery("update OutboxEntry e set e.changes = e.changes + 1, e.version = :version,"
            + " e.attempts = 0, e.nextAttemptAt = :now where e.carePlanId = :plan and e.endpointId = :endpoint")
        .setParameter("version", version).setParameter("now", now)
        .setParameter("plan", carePlanId).setParameter("endpoint", endpointId)
        .executeUpdate();
    if (taken == 0) {
      entityManager.persist(new OutboxEntry(carePlanId, endpointId, version, now));
    }
  }

  @Override
  public List<PendingSend> due(int max) {
    return transaction.execute(tx -> entityManager.createQuery(
            "select e from OutboxEntry e where e.nextAttemptAt <= :now order by e.id", OutboxEntry.class)
        .setParameter("now", clock.instant()).setMaxResults(max).getResultList()
        .stream().map(OutboxEntry::pending).toList());
  }

  @Override
  public Optional<CarePlanContent> content(String carePlanId) {
    return transaction.execute(tx -> {
      Optional<CarePlan> plan = read(new IdType("CarePlan", carePlanId), CarePlan.class);
      if (plan.isEmpty()) {
        return Optional.empty();
      }
      List<Goal> goals = new ArrayList<>();
      for (Reference goal : plan.get().getGoal()) {
        if (goal.getReferenceElement().getResourceType() != null && goal.getReferenceElement().hasIdPart()) {
          read(goal.getReferenceElement(), Goal.class).ifPresent(goals::add);
        }
      }
      Map<String, List<Identifier>> identifiers = new LinkedHashMap<>();
      List<Resource> shared = new ArrayList<>(goals);
      shared.add(plan.get());
      for (Resource resource : shared) {
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
          IIdType target = reference.getReferenceElement();
          if (target.hasResourceType() && target.hasIdPart() && !target.isAbsolute() && !target.isLocal()
              && !"Goal".equals(target.getResourceType())) {
            String key = target.toUnqualifiedVersionless().getValue();
            identifiers.computeIfAbsent(key, k -> identifiersOf(target));
          }
        }
      }
      return Optional.of(new CarePlanContent(plan.get(), goals, identifiers));
    });
  }

  private List<Identifier> identifiersOf(IIdType target) {
    if (!daos.isResourceTypeSupported(target.getResourceType())) {
      return List.of();
    }
    return read(target, IBaseResource.class)
        .map(resource -> terser.getValues(resource, "identifier", Identifier.class).stream()
            .filter(identifier -> identifier.hasSystem() && identifier.hasValue()).toList())
        .orElse(List.of());
  }

  private <T extends IBaseResource> Optional<T> read(IIdType id, Class<T> type) {
    try {
      return Optional.of(type.cast(daos.getResourceDao(id.getResourceType())
          .read(id.toUnqualifiedVersionless(), new SystemRequestDetails())));
    } catch (ResourceNotFoundException | ResourceGoneException gone) {
      return Optional.empty();
    }
  }

  @Override
  public void delivered(PendingSend send) {
    removed(send);
  }

  @Override
  public void retryLater(PendingSend send, Instant at, String reason) {
    if (send.id() == 0) {
      return;
    }
    transaction.executeWithoutResult(tx -> entityManager.createQuery("update OutboxEntry e set e.attempts ="
            + " e.attempts + 1, e.nextAttemptAt = :at, e.lastError = :reason where e.id = :id and e.changes = :changes")
        .setParameter("at", at).setParameter("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
        .setParameter("id", send.id()).setParameter("changes", send.changes())
        .executeUpdate());
  }

  @Override
  public void removed(PendingSend send) {
    if (send.id() == 0) {
      return; // a replay: no entry of its own
    }
    transaction.executeWithoutResult(tx -> entityManager.createQuery(
            "delete from OutboxEntry e where e.id = :id and e.changes = :changes")
        .setParameter("id", send.id()).setParameter("changes", send.changes())
        .executeUpdate());
  }
}
