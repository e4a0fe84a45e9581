package org.casemgmt.adapter.enrollment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casemgmt.adapter.conformance.ProfileEnforcement;
import org.casemgmt.adapter.files.FileItem;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.identity.ConcurrentWrites;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.casemgmt.routes.enrollment.ParsedMember;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records members' enrollment on the client record, a chunk of the file's members in one FHIR transaction: for each
 * member the client (matched on the Medicaid member id in the identity policy's Medicaid system, as every feed
 * matches, and created when unknown), their coverage from this feed, what the member's records in the chunk
 * change (in file order), and a Provenance naming the file. If the record refuses one member's changes (a profile,
 * two clients holding the member id), or another writer changes or creates one of the members' clients meanwhile (the
 * ADT feed admitting a member), the members are written one by one instead, each run again after a collision: a
 * refused one is left as it was and named with the reason, the others are recorded. A storage failure is thrown: it
 * says nothing about the members.
 */
@Component
class EnrollmentRecorder {
  private final ClientIdentity identity;
  private final DaoRegistry daos;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final TransactionTemplate ownTransaction;
  private final IdentityPolicy identityPolicy;
  private final String medicaidSystem;
  private final EnrollmentProperties properties;
  private final Clock clock;

  EnrollmentRecorder(ClientIdentity identity, DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao,
      PlatformTransactionManager transactionManager, IdentityPolicy identityPolicy, EnrollmentProperties properties,
      Clock clock) {
    this.identity = identity;
    this.daos = daos;
    this.systemDao = systemDao;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.identityPolicy = identityPolicy;
    this.medicaidSystem = identityPolicy.medicaid().system();
    this.properties = properties;
    this.clock = clock;
  }

  /** What a chunk changed, for the step's counters. */
  record Tally(int clientsCreated, int clientsUpdated, int coveragesWritten, int unchanged) {
    static final Tally NONE = new Tally(0, 0, 0, 0);

    Tally plus(Tally other) {
      return new Tally(clientsCreated + other.clientsCreated, clientsUpdated + other.clientsUpdated,
          coveragesWritten + other.coveragesWritten, unchanged + other.unchanged);
    }
  }

  /**
   * Records the members' records (the accepted items of a chunk, in file order).
   *
   * @param refusals filled with the members the client record refused, by member id, with the reason
   */
  Tally record(List<FileItem<ParsedMember>> items, String fileName, Map<String, String> refusals) {
    Map<String, List<FileItem<ParsedMember>>> members = new LinkedHashMap<>();
    items.forEach(item -> members.computeIfAbsent(item.parsed().maintenance().memberId(), id -> new ArrayList<>())
        .add(item));
    try {
      return ownTransaction.execute(status -> write(members, fileName));
    } catch (RuntimeException failure) {
      if (!refused(failure) && !ConcurrentWrites.collided(failure)) {
        throw failure;
      }
    }
    Tally tally = Tally.NONE;
    for (Map.Entry<String, List<FileItem<ParsedMember>>> member : members.entrySet()) {
      try {
        tally = tally.plus(ConcurrentWrites.retried(() -> ownTransaction.execute(status -> write(
            Map.of(member.getKey(), member.getValue()), fileName))));
      } catch (RuntimeException failure) {
        if (!refused(failure)) {
          throw failure;
        }
        refusals.put(member.getKey(), failure.getMessage());
      }
    }
    return tally;
  }

  /**
   * Whether the record refused the member's changes. A 5xx is not about the member's data: the job fails, and resumes
   * here when the file is dropped again.
   */
  private static boolean refused(RuntimeException failure) {
    return failure instanceof ClientIdentity.AmbiguousClient || failure instanceof MemberRecord.Refused
        || failure instanceof BaseServerResponseException response && response.getStatusCode() < 500
        && !ConcurrentWrites.collided(failure);
  }

  private Tally write(Map<String, List<FileItem<ParsedMember>>> members, String fileName) {
    List<String> memberIds = List.copyOf(members.keySet());
    Set<String> known = knownMembers(memberIds);
    List<String> unknown = memberIds.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      // Claimed before they are created: a writer creating one of them at the same time (the ADT feed) either
      // committed first, and the second search finds its client, or collides here and one of the two runs again.
      identity.claim(unknown.stream().map(identityPolicy::medicaidId).toList());
      known.addAll(knownMembers(unknown));
    }
    Map<String, Map<String, Coverage>> coverage = coverageOf(memberIds);
    ClientRecordChanges changes = new ClientRecordChanges();
    Date now = Date.from(clock.instant());
    Tally tally = Tally.NONE;
    SystemRequestDetails request = new SystemRequestDetails();
    for (Map.Entry<String, List<FileItem<ParsedMember>>> member : members.entrySet()) {
      MemberRecord record = record(member.getKey(), known.contains(member.getKey()),
          coverage.getOrDefault(member.getKey(), Map.of()));
      member.getValue().forEach(item -> record.apply(item.parsed().maintenance(), item.parsed().origin()));
      record.builtWhole().ifPresent(client -> ProfileEnforcement.builtWhole(request, client));
      MemberRecord.Written written = record.write(changes, fileName, now);
      tally = tally.plus(new Tally(written.clientCreated() ? 1 : 0, written.clientUpdated() ? 1 : 0,
          written.coverages(), written.any() ? 0 : 1));
    }
    if (!changes.isEmpty()) {
      request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
      systemDao.transactionNested(request, changes.transaction());
    }
    return tally;
  }

  /** The member's record: the stored client (the survivor of any merge) when known, else a new one. */
  private MemberRecord record(String memberId, boolean known, Map<String, Coverage> coverage) {
    Patient probe = new Patient().addIdentifier(identityPolicy.medicaidId(memberId));
    if (known) {
      ClientIdentity.Match match = identity.match(probe).orElse(null);
      if (match != null) {
        return new MemberRecord(medicaidSystem, properties, match.stored(), match.updated(), coverage);
      }
    }
    return new MemberRecord(medicaidSystem, properties, null,
        MemberRecord.newClient(identityPolicy.medicaidId(memberId)), coverage);
  }

  /** The members some client holds the id of (one search for the chunk; most members of a new file are new). */
  private Set<String> knownMembers(List<String> memberIds) {
    return identity.withAnyIdentifierOf(memberIds.stream().map(identityPolicy::medicaidId).toList()).stream()
        .flatMap(patient -> patient.getIdentifier().stream())
        .filter(id -> medicaidSystem.equals(id.getSystem())).map(Identifier::getValue)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /** The members' coverage from this feed, by member and key (one search for the chunk). */
  private Map<String, Map<String, Coverage>> coverageOf(List<String> memberIds) {
    TokenOrListParam any = new TokenOrListParam();
    memberIds.forEach(id -> any.add(medicaidSystem, id));
    Map<String, Map<String, Coverage>> coverage = new HashMap<>();
    for (Object found : daos.getResourceDao(Coverage.class).searchForResources(SearchParameterMap.newSynchronous()
        .add(Coverage.SP_IDENTIFIER, any), new SystemRequestDetails())) {
      Coverage stored = (Coverage) found;
      stored.getIdentifier().stream().filter(id -> EnrollmentResources.ENROLLMENT_SYSTEM.equals(id.getSystem()))
          .findFirst().ifPresent(key -> coverage.computeIfAbsent(stored.getSubscriberId(), id -> new HashMap<>())
              .put(key.getValue(), stored));
    }
    return coverage;
  }
}
