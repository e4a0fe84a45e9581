package org.casemgmt.adapter.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clients ("Patient/12") a request may reach, looked up once per request: a case manager's caseload
 * ({@link Caseloads}), a partner EHR's clients, or the launch patient. {@code null} stands for every client.
 */
@Component
public class ReachableClients {
  private static final String CACHE = ReachableClients.class.getName();

  @PersistenceContext
  private EntityManager entityManager;
  private final Caseloads caseloads;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReachableClients(Caseloads caseloads, PlatformTransactionManager transactionManager, Clock clock) {
    this.caseloads = caseloads;
    // In the transaction of the write that opens the record, so a rolled-back write opens nothing.
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** The clients reachable for this kind of reach; null: all of them. */
  public Set<String> of(AccessGrant grant, AccessGrant.Whose whose, RequestDetails request) {
    if (whose == AccessGrant.Whose.ALL) {
      return null;
    }
    String key = CACHE + whose;
    @SuppressWarnings("unchecked")
    Set<String> cached = (Set<String>) request.getUserData().get(key);
    if (cached == null) {
      cached = lookUp(grant, whose);
      request.getUserData().put(key, cached);
    }
    return cached;
  }

  /**
   * Remembers that a partner sent data for a client or was sent a plan for them ("Patient/12"); the partner is the
   * client id of its token, which is also the id of its care-plan exchange endpoint.
   */
  public void partnerReaches(String partner, String patientId) {
    transaction.executeWithoutResult(status -> {
      if (entityManager.find(PartnerClient.class, new PartnerClient.Key(partner, patientId)) == null) {
        entityManager.persist(new PartnerClient(partner, patientId, clock.instant()));
      }
    });
  }

  private Set<String> lookUp(AccessGrant grant, AccessGrant.Whose whose) {
    return switch (whose) {
      case ALL -> null;
      case NONE -> Set.of();
      case CASELOAD -> caseload(grant.caller().fhirUser());
      case PARTNER -> partners(grant.caller().clientId());
      case LAUNCH_PATIENT -> launchPatient(grant);
    };
  }

  private Set<String> launchPatient(AccessGrant grant) {
    String patient = grant.caller().patient().startsWith("Patient/")
        ? grant.caller().patient() : "Patient/" + grant.caller().patient();
    Set<String> roleReach = lookUp(grant, grant.roleReach());
    return roleReach == null || roleReach.contains(patient) ? Set.of(patient) : Set.of();
  }

  /** A case manager's caseload is kept as a Group ({@link Caseloads}); only practitioners have one. */
  private Set<String> caseload(String fhirUser) {
    return fhirUser != null && fhirUser.startsWith("Practitioner/") ? caseloads.of(fhirUser) : Set.of();
  }

  private Set<String> partners(String partner) {
    return new HashSet<>(entityManager.createQuery(
            "select p.patientId from PartnerClient p where p.partner = :partner", String.class)
        .setParameter("partner", partner).getResultList());
  }
}
