package org.casemgmt.adapter.workflow;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.adapter.storage.WritePipeline;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the workflow's rules are enforced: registered with HAPI's storage, it hands every create and update
 * to the stages for its resource type. Checks of the resource itself run before profile validation; checks against
 * the rest of the record and the follow-up steps run when the transaction's writes are all in, still inside it.
 */
@Interceptor
class WorkflowHooks implements WritePipeline.Step {
  private static final Logger log = LoggerFactory.getLogger(WorkflowHooks.class);

  private final List<WorkflowStage<?>> stages;

  WorkflowHooks(List<WorkflowStage<?>> stages) {
    this.stages = List.copyOf(stages);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = WritePipeline.WORKFLOW_RULES)
  void beforeCreate(IBaseResource resource) {
    check(null, resource, true);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = WritePipeline.WORKFLOW_RULES)
  void beforeUpdate(IBaseResource previous, IBaseResource resource) {
    check(previous, resource, true);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = WritePipeline.WORKFLOW_RECORDS)
  void created(IBaseResource resource) {
    check(null, resource, false);
    followUp(null, resource);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = WritePipeline.WORKFLOW_RECORDS)
  void updated(IBaseResource previous, IBaseResource resource) {
    check(previous, resource, false);
    followUp(previous, resource);
  }

  private void check(IBaseResource previous, IBaseResource resource, boolean asWritten) {
    List<Breach> breaches = new ArrayList<>();
    for (WorkflowStage<?> stage : stages) {
      if (stage.type().isInstance(resource)) {
        breaches.addAll(asWritten ? checkWrite(stage, previous, resource) : checkRecord(stage, previous, resource));
      }
    }
    if (!breaches.isEmpty()) {
      // Ids and rule ids only: a reason may name items of an assessment.
      log.info("Refused {} {}: {}", resource.fhirType(), resource.getIdElement().getIdPart(),
          breaches.stream().map(breach -> breach.rule().id()).distinct().toList());
      throw Breach.refusal(breaches);
    }
  }

  private void followUp(IBaseResource previous, IBaseResource resource) {
    for (WorkflowStage<?> stage : stages) {
      if (stage.type().isInstance(resource)) {
        followUp(stage, previous, resource);
      }
    }
  }

  private static <T extends Resource> List<Breach> checkWrite(WorkflowStage<T> stage, IBaseResource previous,
      IBaseResource resource) {
    return stage.checkWrite(written(stage, previous, resource));
  }

  private static <T extends Resource> List<Breach> checkRecord(WorkflowStage<T> stage, IBaseResource previous,
      IBaseResource resource) {
    return stage.checkRecord(written(stage, previous, resource));
  }

  private static <T extends Resource> void followUp(WorkflowStage<T> stage, IBaseResource previous,
      IBaseResource resource) {
    stage.followUp(written(stage, previous, resource));
  }

  private static <T extends Resource> Written<T> written(WorkflowStage<T> stage, IBaseResource previous,
      IBaseResource resource) {
    return new Written<>(previous == null ? null : stage.type().cast(previous), stage.type().cast(resource));
  }
}
