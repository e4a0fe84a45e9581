package org.casemgmt.adapter.ehr;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The watermarks of the EHR sources, in the service's database ({@code CM_EHR_WATERMARK}). */
@Component
class EhrWatermarks {
  @PersistenceContext
  private EntityManager entityManager;
  private final TransactionTemplate reading;

  EhrWatermarks(PlatformTransactionManager transactionManager) {
    this.reading = new TransactionTemplate(transactionManager);
    this.reading.setReadOnly(true);
  }

  Optional<String> of(String sourceId, String resourceType) {
    return Optional.ofNullable(reading.execute(status -> {
      EhrWatermark watermark = entityManager.find(EhrWatermark.class, EhrWatermark.key(sourceId, resourceType));
      return watermark == null ? null : watermark.lastUpdated();
    }));
  }

  /** Every resource type's watermark of a source. */
  Map<String, String> of(String sourceId) {
    Map<String, String> watermarks = new LinkedHashMap<>();
    reading.executeWithoutResult(status -> entityManager.createQuery(
            "select w from EhrWatermark w where w.sourceId = :source order by w.resourceType", EhrWatermark.class)
        .setParameter("source", sourceId).getResultList()
        .forEach(watermark -> watermarks.put(watermark.resourceType(), watermark.lastUpdated())));
    return watermarks;
  }

  /** In the caller's transaction: the page's, so the watermark commits with it or not at all. */
  void advance(String sourceId, String resourceType, String to, Instant at) {
    EhrWatermark watermark = entityManager.find(EhrWatermark.class, EhrWatermark.key(sourceId, resourceType));
    if (watermark == null) {
      entityManager.persist(new EhrWatermark(sourceId, resourceType, to, at));
    } else {
      watermark.advance(to, at);
    }
  }
}
