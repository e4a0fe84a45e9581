package org.casemgmt.adapter.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.casemgmt.adapter.storage.WritePipeline;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each case manager's caseload as a Group the service keeps ({@code Group/caseload-<practitioner id>}): the clients
 * of active CareTeams naming the practitioner or one of their PractitionerRoles as participant, and of active
 * EpisodeOfCare with them as care manager. It is rewritten in the transaction of every write that can change it, so
 * it is never behind the records it sums up. Searches by case managers join on it ({@link CaseloadSearches}) instead
 * of listing patient ids, and the worklist and reports can name it.
 */
@Interceptor
public class Caseloads implements WritePipeline.Step {
  /** Marks the Groups the service keeps: callers can read them but not write them. */
  public static final Coding TAG = new Coding("https://fhir.casemgmt-adapter.org/CodeSystem/service-maintained",
      "caseload", "Caseload kept by the service");
  private static final Logger log = LoggerFactory.getLogger(Caseloads.class);
  private static final String PREFIX = "caseload-";
  /** HAPI's ids are at most 64 characters. */
  private static final int LONGEST_ID = 64;

  private final DaoRegistry daos;
  private final EntityManager entityManager;
  private final TransactionTemplate transaction;
  private final Map<String, KnownMembers> membersByGroup = new ConcurrentHashMap<>();

  Caseloads(DaoRegistry daos, EntityManager entityManager, PlatformTransactionManager transactionManager) {
    this.daos = daos;
    this.entityManager = entityManager;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The id of a practitioner's caseload Group ("Practitioner/7" -> "caseload-7"). */
  public static String groupId(String practitioner) {
    return keptGroupId(PREFIX, practitioner.substring(practitioner.indexOf('/') + 1));
  }

  /** Whether a resource is a Group the service keeps (a caseload, a program's clients): no caller writes one. */
  public static boolean kept(IBaseResource resource) {
    return resource instanceof Group group
        && group.getMeta().getTag().stream().anyMatch(tag -> TAG.getSystem().equals(tag.getSystem()));
  }

  /** A kept Group's id: the prefix and the id it sums up, or a digest of that id where it would be too long. */
  public static String keptGroupId(String prefix, String id) {
    return prefix.length() + id.length() <= LONGEST_ID ? prefix + id : prefix + digest(id);
  }

  /**
   * The clients ("Patient/12") on a practitioner's caseload, as last written. Every request of a case manager asks
   * this, so the members are kept per version of the Group and only the version is looked up; a version is kept once
   * the transaction that saw it has committed, so a rolled-back rewrite is never remembered.
   */
  public Set<String> of(String practitioner) {
    org.hl7.fhir.r4.model.IdType id = new org.hl7.fhir.r4.model.IdType("Group", groupId(practitioner));
    try {
      var entity = daos.getResourceDao(Group.class).readEntity(id, new SystemRequestDetails());
      if (entity.isDeleted()) {
        return Set.of();
      }
      KnownMembers known = membersByGroup.get(id.getIdPart());
      if (known != null && known.version() == entity.getVersion()) {
        return known.clients();
      }
      Group group = daos.getResourceDao(Group.class).read(id.withVersion(String.valueOf(entity.getVersion())),
          new SystemRequestDetails());
      KnownMembers read = new KnownMembers(entity.getVersion(), Set.copyOf(members(group)));
      afterCommit(() -> membersByGroup.merge(id.getIdPart(), read,
          (older, newer) -> newer.version() > older.version() ? newer : older));
      return read.clients();
    } catch (ResourceNotFoundException | ca.uhn.fhir.rest.server.exceptions.ResourceGoneException e) {
      return Set.of();
    }
  }

  private record KnownMembers(long version, Set<String> clients) {}

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = WritePipeline.CASELOADS)
  void created(IBaseResource resource) {
    refresh(managers(resource));
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = WritePipeline.CASELOADS)
  void updated(IBaseResource previous, IBaseResource resource) {
    Set<String> managers = new TreeSet<>(managers(previous));
    managers.addAll(managers(resource));
    refresh(managers);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, order = WritePipeline.CASELOADS)
  void deleted(IBaseResource resource) {
    refresh(managers(resource));
  }

  /**
   * Writes every caseload once, on the first start of a database that has none, so that records stored before
   * caseloads were kept count too. From then on every write keeps them current.
   */
  @EventListener(ApplicationReadyEvent.class)
  void buildFirstTime() {
    transaction.executeWithoutResult(status -> {
      if (!search(Group.class, new SearchParameterMap().add("_tag", new TokenParam(TAG.getSystem(), TAG.getCode()))
          .setCount(1)).isEmpty()) {
        return;
      }
      Set<String> managers = new TreeSet<>();
      search(CareTeam.class, new SearchParameterMap()).forEach(team -> managers.addAll(managers(team)));
      search(EpisodeOfCare.class, new SearchParameterMap()).forEach(episode -> managers.addAll(managers(episode)));
      refresh(managers);
      log.info("Caseloads built: {} case managers", managers.size());
    });
  }

  /** The practitioners ("Practitioner/7") whose caseload a record can change. */
  private Set<String> managers(IBaseResource resource) {
    Stream<Reference> named = Stream.empty();
    if (resource instanceof CareTeam team) {
      named = team.getParticipant().stream().map(CareTeam.CareTeamParticipantComponent::getMember);
    } else if (resource instanceof EpisodeOfCare episode) {
      named = Stream.of(episode.getCareManager());
    } else if (resource instanceof PractitionerRole role) {
      named = Stream.of(role.getPractitioner());
    }
    Set<String> managers = new TreeSet<>();
    named.map(reference -> reference.getReferenceElement())
        .filter(id -> id.hasIdPart() && id.getResourceType() != null)
        .forEach(id -> {
          if ("Practitioner".equals(id.getResourceType())) {
            managers.add("Practitioner/" + id.getIdPart());
          } else if ("PractitionerRole".equals(id.getResourceType())) {
            practitionerOf(id.getIdPart()).ifPresent(managers::add);
          }
        });
    return managers;
  }

  private void refresh(Set<String> practitioners) {
    if (practitioners.isEmpty()) {
      return;
    }
    // HAPI flushes at commit; the searches below must see the record this transaction has just written.
    entityManager.flush();
    for (String practitioner : practitioners) {
      Set<String> clients = caseload(practitioner);
      if (!clients.equals(of(practitioner))) {
        daos.getResourceDao(Group.class).update(group(practitioner, clients), new SystemRequestDetails());
      }
    }
  }

  private Set<String> caseload(String practitioner) {
    Set<String> me = new TreeSet<>(List.of(practitioner));
    search(PractitionerRole.class, new SearchParameterMap()
        .add(PractitionerRole.SP_PRACTITIONER, new ReferenceParam(practitioner)))
        .forEach(role -> me.add("PractitionerRole/" + role.getIdElement().getIdPart()));
    Set<String> clients = new TreeSet<>();
    for (String reference : me) {
      search(CareTeam.class, new SearchParameterMap()
          .add(CareTeam.SP_PARTICIPANT, new ReferenceParam(reference))
          .add(CareTeam.SP_STATUS, new TokenParam("active")))
          .forEach(team -> patient(((CareTeam) team).getSubject()).ifPresent(clients::add));
      search(EpisodeOfCare.class, new SearchParameterMap()
          .add(EpisodeOfCare.SP_CARE_MANAGER, new ReferenceParam(reference))
          .add(EpisodeOfCare.SP_STATUS, new TokenParam("active")))
          .forEach(episode -> patient(((EpisodeOfCare) episode).getPatient()).ifPresent(clients::add));
    }
    return clients;
  }

  private static Group group(String practitioner, Set<String> clients) {
    Group group = new Group();
    group.setId(groupId(practitioner));
    group.getMeta().addTag(TAG.copy());
    group.setType(Group.GroupType.PERSON).setActual(true).setName("Caseload of " + practitioner)
        .setManagingEntity(new Reference(practitioner));
    clients.forEach(client -> group.addMember().setEntity(new Reference(client)));
    return group;
  }

  /** A Group's members that are clients ("Patient/12"). */
  public static Set<String> members(Group group) {
    Set<String> clients = new LinkedHashSet<>();
    group.getMember().forEach(member -> patient(member.getEntity()).ifPresent(clients::add));
    return clients;
  }

  private Optional<String> practitionerOf(String roleId) {
    try {
      PractitionerRole role = daos.getResourceDao(PractitionerRole.class)
          .read(new org.hl7.fhir.r4.model.IdType("PractitionerRole", roleId), new SystemRequestDetails());
      return Optional.ofNullable(role.getPractitioner().getReferenceElement())
          .filter(id -> id.hasIdPart() && "Practitioner".equals(id.getResourceType()))
          .map(id -> "Practitioner/" + id.getIdPart());
    } catch (ResourceNotFoundException | ca.uhn.fhir.rest.server.exceptions.ResourceGoneException e) {
      return Optional.empty();
    }
  }

  private List<IBaseResource> search(Class<? extends Resource> type, SearchParameterMap query) {
    query.setLoadSynchronous(true);
    return List.copyOf(daos.getResourceDao(type).searchForResources(query, new SystemRequestDetails()));
  }

  private static Optional<String> patient(Reference reference) {
    var id = reference.getReferenceElement();
    return "Patient".equals(id.getResourceType()) && id.hasIdPart()
        ? Optional.of("Patient/" + id.getIdPart()) : Optional.empty();
  }

  private static String digest(String id) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
