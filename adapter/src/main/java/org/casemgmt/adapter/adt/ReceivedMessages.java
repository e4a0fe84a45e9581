package org.casemgmt.adapter.adt;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Component;

/** The messages recorded so far, by sender, control id and content; read and written in the caller's transaction. */
@Component
class ReceivedMessages {
  @PersistenceContext
  private EntityManager entityManager;

  /** Content digests of the messages this sender sent under this control id; null for rows older than digests. */
  List<String> digests(String sender, String controlId) {
    return entityManager.createQuery("select m.contentDigest from ReceivedMessage m where m.sender = :sender"
            + " and m.controlId = :controlId", String.class)
        .setParameter("sender", sender).setParameter("controlId", controlId).getResultList();
  }

  void add(ReceivedMessage message) {
    entityManager.persist(message);
  }
}
