package org.casemgmt.adapter.reporting;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.ISearchBuilder;
import ca.uhn.fhir.jpa.dao.SearchBuilderFactory;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every resource a search matches, however many: HAPI's search as a stream of ids in one read-only transaction (not
 * capped like a paged search, whose results stop at the server's fetch maximum), the resources loaded a batch at a
 * time and let go once the batch has been used. What reports read whole populations with.
 */
@Component
public class StoredResources {
  @PersistenceContext
  private EntityManager entityManager;
  private final DaoRegistry daos;
  private final SearchBuilderFactory<?> searchBuilders;
  private final TransactionTemplate readOnly;

  StoredResources(DaoRegistry daos, SearchBuilderFactory<?> searchBuilders,
      PlatformTransactionManager transactionManager) {
    this.daos = daos;
    this.searchBuilders = searchBuilders;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    // A transaction of its own, so that letting each batch go never drops a caller's unflushed writes.
    this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Hands the matches of a search of this type to {@code use} in batches of {@code batchSize} (asked again before
   * each batch, so the caller can size batches by what it has seen).
   */
  public void forEachBatch(String type, SearchParameterMap query, RequestDetails request, IntSupplier batchSize,
      Consumer<List<IBaseResource>> use) {
    readOnly.executeWithoutResult(status -> {
      try (Stream<IResourcePersistentId<?>> ids = daos.getResourceDao(type).searchForIdStream(query, request,
          null)) {
        Iterator<IResourcePersistentId<?>> next = ids.iterator();
        List<IResourcePersistentId<?>> batch = new ArrayList<>();
        while (next.hasNext()) {
          batch.add(next.next());
          if (batch.size() >= batchSize.getAsInt()) {
            load(type, batch, request, use);
          }
        }
        load(type, batch, request, use);
      }
    });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void load(String type, List<IResourcePersistentId<?>> batch, RequestDetails request,
      Consumer<List<IBaseResource>> use) {
    if (batch.isEmpty()) {
      return;
    }
    ISearchBuilder builder = searchBuilders.newSearchBuilder(type, daos.getResourceDao(type).getResourceType());
    use.accept((List<IBaseResource>) builder.loadResourcesByPid(batch, request));
    batch.clear();
    // The batch has been used: its entities go, so the heap holds one batch whatever the number of matches.
    entityManager.clear();
  }
}
