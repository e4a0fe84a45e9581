package org.casemgmt.adapter.deadletters;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.casemgmt.routes.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The dead-letter store in the service's database, in transactions of its own. */
@Component
class DeadLetterStore implements DeadLetters {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterStore.class);

  @PersistenceContext
  private EntityManager entityManager;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate withBatch;
  private final Clock clock;

  DeadLetterStore(PlatformTransactionManager transactionManager, Clock clock) {
    this.ownTransaction = new TransactionTemplate(transactionManager);
    // The failed work's transaction is rolling back; the dead letter must not go with it.
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.withBatch = new TransactionTemplate(transactionManager);
    this.withBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
    this.clock = clock;
  }

  @Override
  public long keep(String feed, String source, String payload, String reason) {
    DeadLetter letter = new DeadLetter(feed, source, payload, reason, clock.instant());
    ownTransaction.executeWithoutResult(status -> entityManager.persist(letter));
    // The reason can quote the input (a value the sender got wrong, an EHR's words): the store has it, the log not.
    log.warn("Dead letter {} kept from feed {} ({})", letter.id(), feed, source);
    return letter.id();
  }

  @Override
  public long keepWithBatch(String feed, String source, String payload, String reason) {
    DeadLetter letter = new DeadLetter(feed, source, payload, reason, clock.instant());
    withBatch.executeWithoutResult(status -> entityManager.persist(letter));
    log.warn("Dead letter {} kept with its batch from feed {} ({})", letter.id(), feed, source);
    return letter.id();
  }

  /** Up to {@code limit} dead letters with an id above {@code after}, oldest first. */
  List<DeadLetter> list(String feed, DeadLetter.Status status, long after, int limit) {
    String where = (feed == null ? "" : " and d.feed = :feed") + (status == null ? "" : " and d.status = :status");
    return ownTransaction.execute(tx -> {
      TypedQuery<DeadLetter> query = entityManager.createQuery(
          "select d from DeadLetter d where d.id > :after" + where + " order by d.id", DeadLetter.class);
      query.setParameter("after", after);
      if (feed != null) {
        query.setParameter("feed", feed);
      }
      if (status != null) {
        query.setParameter("status", status.name());
      }
      return query.setMaxResults(limit).getResultList();
    });
  }

  Optional<DeadLetter> find(long id) {
    return Optional.ofNullable(ownTransaction.execute(tx -> entityManager.find(DeadLetter.class, id)));
  }

  void markReplayed(long id, Long failedAgainAs) {
    ownTransaction.executeWithoutResult(tx -> entityManager.find(DeadLetter.class, id)
        .replayed(clock.instant(), failedAgainAs));
  }
}
