package org.casemgmt.adapter.claims;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.casemgmt.adapter.claims.CurrentClaims.Staged;
import org.casemgmt.adapter.claims.evidence.ClaimDiagnosis;
import org.casemgmt.adapter.claims.evidence.ClaimEpisode;
import org.casemgmt.adapter.claims.evidence.ClaimEvidenceRules;
import org.casemgmt.adapter.claims.evidence.MemberEvidence;
import org.casemgmt.adapter.conformance.ProfileEnforcement;
import org.casemgmt.adapter.files.Digests;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.identity.ConcurrentWrites;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings members' evidence on the client record in line with their claims in force, a chunk of members in one
 * transaction: for each member the client (matched on the Medicaid member id, created from the claims' member loops
 * when unknown), the Encounters and Conditions that are new or changed, the ones the claims no longer support marked
 * entered-in-error, a Provenance for each naming its claims and files, and the digests that make the next run write
 * only what changed.
 * A member whose evidence is unchanged costs one comparison and no FHIR write, so a resumed or repeated run is cheap.
 */
@Component
class ClaimsEvidenceRecorder {
  private final ClaimEvidenceRules rules;
  private final CurrentClaims currentClaims;
  private final ClaimMembers members;
  private final ClientIdentity identity;
  private final DaoRegistry daos;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final FhirContext fhirContext;
  private final Clock clock;

  ClaimsEvidenceRecorder(ClaimEvidenceRules rules, CurrentClaims currentClaims, ClaimMembers members,
      ClientIdentity identity, DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao, JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager, FhirContext fhirContext, Clock clock) {
    this.rules = rules;
    this.currentClaims = currentClaims;
    this.members = members;
    this.identity = identity;
    this.daos = daos;
    this.systemDao = systemDao;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.fhirContext = fhirContext;
    this.clock = clock;
  }

  /**
   * What a run did, for the step's counters, and where its time went: deriving (reading the claims in force, the
   * rules, comparing with what is on record) and recording (the client record's writes).
   */
  record Tally(int membersChanged, int written, int retracted, long deriveNanos, long recordNanos) {
    static final Tally NONE = new Tally(0, 0, 0, 0, 0);

    Tally plus(Tally other) {
      return new Tally(membersChanged + other.membersChanged, written + other.written, retracted + other.retracted,
          deriveNanos + other.deriveNanos, recordNanos + other.recordNanos);
    }

    Tally took(long derive, long record) {
      return new Tally(membersChanged, written, retracted, deriveNanos + derive, recordNanos + record);
    }
  }

  /** A digest standing for evidence that was retracted: its resource is kept, marked entered-in-error. */
  private static final String RETRACTED = "retracted";
  /** The subject evidence is built with for its digest: the digest must not change when a merge moves the client. */
  private static final String ANY_CLIENT = "Patient/client";

  /** One piece of evidence as it should be on the record, built for a given client reference. */
  private record Wanted(String key, Function<String, Resource> build, String digest, List<String> claimIds) {
  }

  /** What is on record for one piece of evidence: the digest of what was written and where. */
  private record Stored(String digest, String reference) {
    boolean retracted() {
      return RETRACTED.equals(digest);
    }
  }

  /** A member whose evidence is to change, with what is wanted, what is on record, and each claim's file. */
  private record MemberChange(String memberId, Map<String, Wanted> wanted, Map<String, Stored> before,
      Map<String, String> fileOfClaim) {
  }

  /**
   * Derives and records the evidence of the given members, all in one transaction (a bulk load writes thousands). If
   * the record refuses one member's evidence (it breaks a profile, say), the members are written one by one instead:
   * the refused one is left as it was and named in {@code refusals} with the reason, the others are recorded. A
   * storage failure is thrown: it says nothing about the members.
   *
   * @param cause the file whose loading prompted this, named by the Provenance of retractions
   */
  Tally record(List<String> memberIds, String cause, Map<String, String> refusals) {
    long start = System.nanoTime();
    Map<String, List<Staged>> claims = currentClaims.of(memberIds);
    Map<String, Map<String, Stored>> stored = storedEvidence(memberIds);
    List<MemberChange> changes = new ArrayList<>();
    for (String memberId : memberIds) {
      List<Staged> inForce = claims.getOrDefault(memberId, List.of());
      MemberEvidence evidence = rules.derive(memberId, inForce.stream().map(Staged::claim).toList());
      Map<String, Wanted> wanted = wanted(memberId, evidence);
      Map<String, Stored> before = stored.getOrDefault(memberId, Map.of());
      if (!unchanged(wanted, before)) {
        Map<String, String> fileOfClaim = new HashMap<>();
        inForce.forEach(staged -> fileOfClaim.put(staged.claim().claimId(), staged.fileName()));
        changes.add(new MemberChange(memberId, wanted, before, fileOfClaim));
      }
    }
    long derived = System.nanoTime();
    if (changes.isEmpty()) {
      return Tally.NONE.took(derived - start, 0);
    }
    try {
      return ConcurrentWrites.retried(() -> ownTransaction.execute(status -> write(changes, cause)))
          .took(derived - start, System.nanoTime() - derived);
    } catch (BaseServerResponseException refused) {
      rethrowIfNotRefusal(refused);
    }
    Tally tally = Tally.NONE;
    for (MemberChange change : changes) {
      try {
        tally = tally.plus(ConcurrentWrites.retried(() -> ownTransaction.execute(status -> write(List.of(change),
            cause))));
      } catch (BaseServerResponseException refused) {
        rethrowIfNotRefusal(refused);
        refusals.put(change.memberId(), refused.getMessage());
      }
    }
    return tally.took(derived - start, System.nanoTime() - derived);
  }

  /** A 5xx is not about the member's data: the job fails, and resumes here when the file is dropped again. */
  private static void rethrowIfNotRefusal(BaseServerResponseException failure) {
    if (failure.getStatusCode() >= 500) {
      throw failure;
    }
  }

  private Tally write(List<MemberChange> members, String cause) {
    ClientRecordChanges changes = new ClientRecordChanges();
    Date now = Date.from(clock.instant());
    Map<String, Map<String, String>> writtenByMember = new HashMap<>();
    Map<String, List<String>> goneByMember = new HashMap<>();
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(ProfileEnforcement.BUILT_TO_PROFILE, Boolean.TRUE);
    for (MemberChange member : members) {
      String client = client(member.memberId(), changes, request);
      writtenByMember.put(member.memberId(), writeWanted(member, client, changes, now));
      goneByMember.put(member.memberId(), retractGone(member, changes, now, cause));
    }
    Bundle response = (Bundle) systemDao.transactionNested(request, changes.transaction());
    Map<String, String> locations = locations(changes.transaction(), response);
    List<Object[]> removed = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    int written = 0;
    int retracted = 0;
    for (MemberChange member : members) {
      Map<String, String> writtenKeys = writtenByMember.get(member.memberId());
      List<String> gone = goneByMember.get(member.memberId());
      Stream.concat(writtenKeys.keySet().stream(), gone.stream())
          .forEach(key -> removed.add(new Object[] {member.memberId(), key}));
      writtenKeys.forEach((key, reference) -> rows.add(new Object[] {member.memberId(), key,
          member.wanted().get(key).digest(), locations.getOrDefault(reference, reference)}));
      gone.forEach(key -> rows.add(new Object[] {member.memberId(), key, RETRACTED,
          member.before().get(key).reference()}));
      written += writtenKeys.size();
      retracted += gone.size();
    }
    jdbc.batchUpdate("DELETE FROM cm_claim_evidence WHERE member_id = ? AND evidence_key = ?", removed);
    jdbc.batchUpdate("INSERT INTO cm_claim_evidence (member_id, evidence_key, digest, resource_ref)"
        + " VALUES (?, ?, ?, ?)", rows);
    return new Tally(members.size(), written, retracted, 0, 0);
  }

  /** New and changed evidence, each with its Provenance; returns the reference of each written piece by key. */
  private Map<String, String> writeWanted(MemberChange member, String client, ClientRecordChanges changes, Date now) {
    Map<String, String> written = new LinkedHashMap<>();
    for (Wanted item : member.wanted().values()) {
      Stored previous = member.before().get(item.key());
      if (previous != null && previous.digest().equals(item.digest())) {
        continue;
      }
      Resource resource = item.build().apply(client);
      String reference;
      if (previous == null) {
        // cm_claim_evidence, written in the same transactions, is where this feed's evidence is kept track of.
        reference = changes.createKnownNew(resource);
      } else {
        resource.setId(read(previous.reference()).getIdElement());
        reference = changes.update(resource);
      }
      changes.provenance(EvidenceResources.provenance(now, previous == null ? "CREATE" : "UPDATE", item.claimIds(),
          item.claimIds().stream().map(member.fileOfClaim()::get).distinct().sorted().toList()), reference);
      written.put(item.key(), reference);
    }
    return written;
  }

  /** Evidence on record that the claims in force no longer support: marked entered-in-error, with a Provenance. */
  private List<String> retractGone(MemberChange member, ClientRecordChanges changes, Date now, String cause) {
    List<String> gone = member.before().entrySet().stream()
        .filter(entry -> !member.wanted().containsKey(entry.getKey()) && !entry.getValue().retracted())
        .map(Map.Entry::getKey).toList();
    for (String key : gone) {
      String reference = changes.update(EvidenceResources.retracted(read(member.before().get(key).reference())));
      changes.provenance(EvidenceResources.provenance(now, "NULLIFY", List.of(), List.of(cause)), reference);
    }
    return gone;
  }

  /**
   * The client the member is: matched on the Medicaid member id, or created from what the claims say of them (built
   * whole to the client profile, see {@link ClaimMembers#patient(org.hl7.fhir.r4.model.Identifier,
   * ClaimMembers.MemberLoop)}). The claim on the member id keeps the new client single, so the create is a plain one,
   * without HAPI searching for the identifier again.
   */
  private String client(String memberId, ClientRecordChanges changes, SystemRequestDetails request) {
    Patient fromClaims = members.patient(memberId);
    Optional<ClientIdentity.Match> known = identity.match(fromClaims);
    if (known.isPresent()) {
      return changes.unchanged(known.get().stored());
    }
    identity.claim(fromClaims.getIdentifier());
    ProfileEnforcement.builtWhole(request, fromClaims);
    return changes.createKnownNew(fromClaims);
  }

  private Map<String, Wanted> wanted(String memberId, MemberEvidence evidence) {
    Map<String, Wanted> wanted = new LinkedHashMap<>();
    for (ClaimEpisode episode : evidence.episodes()) {
      add(wanted, EvidenceResources.key(episode), client -> EvidenceResources.encounter(memberId, client, episode),
          episode.claimIds());
    }
    for (ClaimDiagnosis diagnosis : evidence.diagnoses()) {
      add(wanted, EvidenceResources.key(diagnosis),
          client -> EvidenceResources.condition(memberId, client, diagnosis), diagnosis.claimIds());
    }
    return wanted;
  }

  private void add(Map<String, Wanted> wanted, String key, Function<String, Resource> build, List<String> claimIds) {
    String json = fhirContext.newJsonParser().encodeResourceToString(build.apply(ANY_CLIENT));
    wanted.put(key, new Wanted(key, build, Digests.sha256(json + claimIds), claimIds));
  }

  private static boolean unchanged(Map<String, Wanted> wanted, Map<String, Stored> before) {
    for (Wanted item : wanted.values()) {
      Stored stored = before.get(item.key());
      if (stored == null || !stored.digest().equals(item.digest())) {
        return false;
      }
    }
    return before.entrySet().stream().allMatch(entry -> wanted.containsKey(entry.getKey())
        || entry.getValue().retracted());
  }

  private Map<String, Map<String, Stored>> storedEvidence(List<String> memberIds) {
    Map<String, Map<String, Stored>> stored = new HashMap<>();
    jdbc.query("SELECT member_id, evidence_key, digest, resource_ref FROM cm_claim_evidence WHERE member_id IN "
        + ClaimStagingWriter.in(memberIds), row -> {
          stored.computeIfAbsent(row.getString(1), id -> new HashMap<>())
              .put(row.getString(2), new Stored(row.getString(3), row.getString(4)));
        }, memberIds.toArray());
    return stored;
  }

  private Resource read(String reference) {
    IdType id = new IdType(reference);
    return (Resource) daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails());
  }

  /** Where each entry of the transaction ended up ("Encounter/12"), by the reference the entry was given. */
  private static Map<String, String> locations(Bundle request, Bundle response) {
    Map<String, String> locations = new HashMap<>();
    for (int i = 0; i < request.getEntry().size(); i++) {
      String location = response.getEntry().get(i).getResponse().getLocation();
      if (request.getEntry().get(i).hasFullUrl() && location != null) {
        locations.put(request.getEntry().get(i).getFullUrl(), new IdType(location).toUnqualifiedVersionless()
            .getValue());
      }
    }
    return locations;
  }
}
