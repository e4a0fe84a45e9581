package org.casemgmt.adapter.workflow;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * What one stage of the workflow does when a resource of one type is written: the rules the write must meet and the
 * steps the service takes next. Every write that reaches storage comes here, whether from the FHIR API, a feed or the
 * workflow itself, inside the writer's transaction: a refusal rolls the whole write back, and the follow-up steps
 * commit with it or not at all.
 */
public interface WorkflowStage<T extends Resource> {

  Class<T> type();

  /**
   * Rules about the resource itself and its previous version, checked as it is written, before it is validated
   * against its profile (so the refusal names the workflow rule rather than a profile invariant).
   */
  default List<Breach> checkWrite(Written<T> write) {
    return List.of();
  }

  /**
   * Rules that read other stored resources, checked once the transaction's writes are in (a transaction Bundle's
   * references are resolved by then).
   */
  default List<Breach> checkRecord(Written<T> write) {
    return List.of();
  }

  /** The service's next steps, written in the same transaction after every rule has passed. */
  default void followUp(Written<T> write) {
  }
}
