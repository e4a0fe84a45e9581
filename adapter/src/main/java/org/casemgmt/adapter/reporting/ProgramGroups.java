package org.casemgmt.adapter.reporting;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.casemgmt.adapter.security.Caseloads;
import org.casemgmt.adapter.storage.WritePipeline;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each program's enrolled clients as a Group the service keeps ({@code Group/program-<program code>}): the clients
 * with an active enrollment (EpisodeOfCare whose type is the program). Written in the transaction of every
 * enrollment write that changes it, one client at a time (a program's Group is not rebuilt from a search of all its
 * enrollments), so state reports and exports ({@code Group/program-smi-target-population/$export}) can name a
 * program's population. Like caseloads, callers read it and never write it.
 */
@Interceptor
public class ProgramGroups implements WritePipeline.Step {
  public static final Coding TAG = new Coding(Caseloads.TAG.getSystem(), "program", "Program enrollment kept by the"
      + " service");
  private static final Logger log = LoggerFactory.getLogger(ProgramGroups.class);
  private static final String PREFIX = "program-";

  private final DaoRegistry daos;
  private final StoredResources stored;
  private final EntityManager entityManager;
  private final TransactionTemplate transaction;

  public ProgramGroups(DaoRegistry daos, StoredResources stored, EntityManager entityManager,
      PlatformTransactionManager transactionManager) {
    this.daos = daos;
    this.stored = stored;
    this.entityManager = entityManager;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The id of a program's Group ("smi-target-population" -> "program-smi-target-population"). */
  public static String groupId(String program) {
    return Caseloads.keptGroupId(PREFIX, program);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = WritePipeline.PROGRAM_GROUPS)
  void created(IBaseResource resource) {
    refresh(enrollment(resource));
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = WritePipeline.PROGRAM_GROUPS)
  void updated(IBaseResource previous, IBaseResource resource) {
    Set<Enrollment> changed = new LinkedHashSet<>(enrollment(previous));
    changed.addAll(enrollment(resource));
    refresh(changed);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, order = WritePipeline.PROGRAM_GROUPS)
  void deleted(IBaseResource resource) {
    refresh(enrollment(resource));
  }

  /** Writes every program's Group once, on the first start of a database that has none. */
  @EventListener(ApplicationReadyEvent.class)
  void buildFirstTime() {
    transaction.executeWithoutResult(status -> {
      SearchParameterMap kept = SearchParameterMap.newSynchronous()
          .add("_tag", new TokenParam(TAG.getSystem(), TAG.getCode()));
      kept.setCount(1);
      if (!daos.getResourceDao(Group.class).searchForResources(kept, new SystemRequestDetails()).isEmpty()) {
        return;
      }
      Map<String, Set<String>> programs = new TreeMap<>();
      SearchParameterMap active = new SearchParameterMap().add(EpisodeOfCare.SP_STATUS, new TokenParam("active"));
      stored.forEachBatch("EpisodeOfCare", active, new SystemRequestDetails(), () -> 1000, episodes ->
          episodes.forEach(episode -> enrollment(episode).forEach(enrollment ->
              programs.computeIfAbsent(enrollment.program(), key -> new TreeSet<>()).add(enrollment.client()))));
      programs.forEach((program, clients) -> {
        Group group = emptyGroup(program);
        clients.forEach(client -> group.addMember().setEntity(new Reference(client)));
        daos.getResourceDao(Group.class).update(group, new SystemRequestDetails());
      });
      log.info("Program groups built: {} programs", programs.size());
    });
  }

  /** A client's enrollment in a program, as an EpisodeOfCare records it. */
  private record Enrollment(String client, String program) {}

  private static Set<Enrollment> enrollment(IBaseResource resource) {
    if (!(resource instanceof EpisodeOfCare episode)) {
      return Set.of();
    }
    Set<Enrollment> enrollments = new LinkedHashSet<>();
    WorkflowCodes.patient(episode.getPatient()).ifPresent(client -> episode.getType().forEach(type ->
        WorkflowCodes.code(type, WorkflowCodes.PROGRAM).ifPresent(program ->
            enrollments.add(new Enrollment(client, program)))));
    return enrollments;
  }

  private void refresh(Set<Enrollment> enrollments) {
    if (enrollments.isEmpty()) {
      return;
    }
    // HAPI flushes at commit; the search below must see the enrollment this transaction has just written.
    entityManager.flush();
    for (Enrollment enrollment : enrollments) {
      boolean enrolled = !daos.getResourceDao(EpisodeOfCare.class).searchForIds(SearchParameterMap.newSynchronous()
          .add(EpisodeOfCare.SP_PATIENT, new ReferenceParam(enrollment.client()))
          .add(EpisodeOfCare.SP_STATUS, new TokenParam("active"))
          .add(EpisodeOfCare.SP_TYPE, new TokenParam(WorkflowCodes.PROGRAM, enrollment.program())),
          new SystemRequestDetails()).isEmpty();
      Group group = current(enrollment.program()).orElseGet(() -> emptyGroup(enrollment.program()));
      boolean member = Caseloads.members(group).contains(enrollment.client());
      if (enrolled != member) {
        if (enrolled) {
          group.addMember().setEntity(new Reference(enrollment.client()));
        } else {
          group.getMember().removeIf(m -> enrollment.client().equals(m.getEntity().getReference()));
        }
        daos.getResourceDao(Group.class).update(group, new SystemRequestDetails());
      }
    }
  }

  private Optional<Group> current(String program) {
    try {
      return Optional.of(daos.getResourceDao(Group.class).read(new IdType("Group", groupId(program)),
          new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  private static Group emptyGroup(String program) {
    Group group = new Group();
    group.setId(groupId(program));
    group.getMeta().addTag(TAG.copy());
    group.setType(Group.GroupType.PERSON).setActual(true).setName("Clients enrolled in " + program)
        .getCode().addCoding(new Coding(WorkflowCodes.PROGRAM, program, null));
    return group;
  }
}
