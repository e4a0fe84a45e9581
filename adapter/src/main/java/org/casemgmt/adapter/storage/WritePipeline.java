package org.casemgmt.adapter.storage;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything that happens when a resource is written, by an API caller or by a feed, in the order it happens. Each
 * step is a HAPI hook whose order is one of the constants below (HAPI calls the hooks of a pointcut in ascending
 * order, the storage layer's and the request's together), and this class is the one place the storage steps are
 * registered. {@code WritePipelineTest} holds the running server to this list.
 *
 * <p>Before a write reaches the pipeline, a feed's recorder has matched its client ({@code identity.ClientIdentity},
 * by the identifiers in {@code config/client-identity.yml}), built the resources, and marked the ones it built whole
 * or checked itself just before ({@code conformance.ProfileEnforcement.builtWhole}, {@code checkedBefore}), which the
 * profile check then passes over; its Provenance is written in the same transaction.
 *
 * <ol>
 *   <li>A transaction is checked whole before any entry is written ({@code STORAGE_TRANSACTION_PROCESSING}):
 *       {@code conformance.ProfileEnforcement}, so a refusal names every entry's errors.</li>
 *   <li>Before each resource is stored ({@code STORAGE_PRESTORAGE_RESOURCE_CREATED/UPDATED/DELETED}), in the order of
 *       {@link #ACCESS}, {@link #PART2_LABELS}, {@link #WORKFLOW_RULES}, {@link #PROFILES}: any step may refuse the
 *       write, and nothing of it is stored.</li>
 *   <li>Before a delete, references that would block it ({@code STORAGE_PRESTORAGE_DELETE_CONFLICTS}): the audit
 *       trail's own, {@link #AUDIT_REFERENCES}.</li>
 *   <li>When the transaction's writes are all in, before it commits ({@code STORAGE_PRECOMMIT_RESOURCE_*}): first
 *       HAPI's subscription note (its matcher, registered by HAPI at its own order, 0, is
 *       {@code fhirserver.SubscribedTypes}, which notes only writes some Subscription can match; HAPI matches those
 *       after commit); then, in the order of {@link #PARTNER_REACH}, {@link #WORKFLOW_RECORDS}, {@link #CASELOADS},
 *       {@link #PROGRAM_GROUPS}, {@link #ISP_EXCHANGE}, {@link #REEVALUATION}, what must change with the write
 *       changes in its transaction, or neither does.</li>
 *   <li>The answer to an API caller: {@code security.ReleaseControl} releases what the grant and consent allow and
 *       {@code audit.FhirAudit} records the access (request hooks, not storage: feeds have no caller).</li>
 * </ol>
 */
@Component
public class WritePipeline {
  /** {@code security.FhirAccessControl}, API writes only: the caller's grant allows this write of this client. */
  public static final int ACCESS = -1000;
  /** {@code security.Part2Labels}: a 42 CFR Part 2 record is labelled before any later step reads it. */
  public static final int PART2_LABELS = -900;
  /** {@code workflow.WorkflowHooks}: the workflow's rules, before profiles, so a refusal names its rule. */
  public static final int WORKFLOW_RULES = -100;
  /** {@code conformance.ProfileEnforcement}: the guide's profiles, for what came from outside (not what was built). */
  public static final int PROFILES = 0;
  /** {@code audit.AuditNamesNotPins}: an AuditEvent naming a resource does not stop it from being deleted. */
  public static final int AUDIT_REFERENCES = 0;
  /** {@code security.FhirAccessControl}, API writes only: a partner EHR's write opens that client's record to it. */
  public static final int PARTNER_REACH = 50;
  /** {@code workflow.WorkflowHooks}: checks against the rest of the record, and the step's follow-ups written. */
  public static final int WORKFLOW_RECORDS = 100;
  /** {@code security.Caseloads}: a care team's change changes who may see the client. */
  public static final int CASELOADS = 200;
  /** {@code reporting.ProgramGroups}: each program's enrolled clients, which reports count. */
  public static final int PROGRAM_GROUPS = 300;
  /** {@code careplan.IspChanges}: an approved ISP's copy queued for the EHRs that receive it. */
  public static final int ISP_EXCHANGE = 400;
  /** {@code eligibility.current.EvidenceCommits}: a client whose evidence changed queued for re-evaluation. */
  public static final int REEVALUATION = 500;

  private static final Logger log = LoggerFactory.getLogger(WritePipeline.class);

  /** A step registered with storage, so that a feed's writes meet it as an API caller's do. */
  public interface Step {
  }

  WritePipeline(List<Step> steps, IInterceptorService storage) {
    steps.forEach(storage::registerInterceptor);
    log.info("Write pipeline: {} storage steps ({})", steps.size(),
        String.join(", ", steps.stream().map(step -> step.getClass().getSimpleName()).toList()));
  }
}
