package org.casemgmt.adapter.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.jpa.delete.DeleteConflictOutcome;
import org.casemgmt.adapter.storage.WritePipeline;

/**
 * An AuditEvent names the records a request touched; it must not keep them from being deleted. Referential integrity
 * on delete would refuse to delete any client read once (409, "referenced by AuditEvent/..."): conflicts whose source
 * is an AuditEvent are dropped, and the event keeps naming the deleted record.
 */
@Interceptor
class AuditNamesNotPins implements WritePipeline.Step {

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS, order = WritePipeline.AUDIT_REFERENCES)
  DeleteConflictOutcome deleting(DeleteConflictList conflicts) {
    conflicts.removeIf(conflict -> "AuditEvent".equals(conflict.getSourceId().getResourceType()));
    return null;
  }
}
