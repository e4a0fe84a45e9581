package org.casemgmt.adapter.reporting.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.casemgmt.adapter.reporting.StoredResources;
import org.casemgmt.adapter.reporting.export.ExportRequest.Level;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.Caller;
import org.casemgmt.adapter.security.GroupMembers;
import org.casemgmt.adapter.security.Part2Release;
import org.casemgmt.adapter.security.ReleaseControl;
import org.casemgmt.adapter.security.Roles;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs queued exports, one at a time per node, on a thread of its own. Each type is read whole
 * ({@link StoredResources}: the kick-off's window, {@code _typeFilter} and, for a Group, the join on its members) in
 * batches sized to about {@code batch-bytes}, each resource checked as a search answer would be
 * ({@link ReleaseControl#releasableInBulk}) and written to disk: the heap holds one batch, whatever the size of the
 * export. HAPI's own export
 * was not used: it buffers by resource count (a file of large attachments exhausts any heap) and knows nothing of
 * the role, the caller's clients or Part 2 consent.
 */
@Component
class ExportRunner {
  private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
  private static final int LARGEST_BATCH = 1000;

  private final ExportJobs jobs;
  private final ExportProperties properties;
  private final Roles roles;
  private final ObjectProvider<ReleaseControl> release;
  private final ca.uhn.fhir.util.FhirTerser terser;
  private final GroupMembers groupMembers;
  private final StoredResources stored;
  private final MatchUrlService matchUrls;
  private final FhirContext context;
  private final ObjectMapper json;
  private final Clock clock;
  private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
      runnable -> new Thread(runnable, "bulk-export"));

  ExportRunner(ExportJobs jobs, ExportProperties properties, Roles roles, ObjectProvider<ReleaseControl> release,
      GroupMembers groupMembers, StoredResources stored, MatchUrlService matchUrls, FhirContext context,
      ObjectMapper json, Clock clock) {
    this.jobs = jobs;
    this.properties = properties;
    this.roles = roles;
    this.release = release;
    this.terser = context.newTerser();
    this.groupMembers = groupMembers;
    this.stored = stored;
    this.matchUrls = matchUrls;
    this.context = context;
    this.json = json;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    long poll = properties.pollInterval().toMillis();
    worker.scheduleWithFixedDelay(this::runNext, poll, poll, TimeUnit.MILLISECONDS);
    // Expired exports go within ten minutes of their retention (sooner with a retention shorter than that).
    long sweep = Math.max(1, Math.min(properties.retention().toMinutes(), 10));
    worker.scheduleWithFixedDelay(this::expire, 0, sweep, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() throws InterruptedException {
    worker.shutdownNow();
    worker.awaitTermination(30, TimeUnit.SECONDS);
  }

  private void runNext() {
    try {
      jobs.claim(node, properties.staleAfter()).ifPresent(this::run);
    } catch (Throwable e) {
      // Whatever happened, this node goes on looking for exports (an exception would end the schedule silently).
      log.error("Bulk export could not be run", e);
    }
  }

  private void run(ExportJob job) {
    long started = System.nanoTime();
    ExportRequest request = jobs.request(job);
    Caller caller = jobs.owner(job);
    Run run = new Run(job, request, caller == null ? null : roles.grantOf(caller));
    try (ExportFiles files = new ExportFiles(properties.directory(), job.id(), properties.maxFileBytes())) {
      for (String type : request.types()) {
        run.export(type, files);
      }
      run.outcomes().forEach(outcome -> files.write("OperationOutcome", run.parser.encodeResourceToString(outcome)));
      List<ExportFiles.File> written = files.finish();
      if (jobs.complete(job.id(), node, json.writeValueAsString(written))) {
        log.info("Bulk export {} complete: {} files, {} resources, {} withheld, in {} ms", job.id(), written.size(),
            run.released, run.withheld, (System.nanoTime() - started) / 1_000_000);
        return;
      }
      ExportFiles.delete(properties.directory(), job.id());
    } catch (RuntimeException | JsonProcessingException | Error e) {
      // An Error too (out of memory on a resource larger than the heap): the export is failed, not retried.
      ExportFiles.delete(properties.directory(), job.id());
      if (Thread.interrupted()) {
        // The service is stopping: the export starts again from the top, here or on another node. (The flag is
        // cleared so that the requeue can still use a connection.)
        jobs.requeue(job.id(), node);
        log.info("Bulk export {} queued again: the service is stopping", job.id());
      } else if (e instanceof Stopped) {
        log.info("Bulk export {} stopped: {}", job.id(), e.getMessage());
      } else {
        log.error("Bulk export {} failed at {}", job.id(), run.type, e);
        jobs.fail(job.id(), node, "The export failed while exporting " + run.type + " ("
            + e.getClass().getSimpleName() + "); the service log has the details under export " + job.id());
      }
    }
  }

  /** Removes the files and the records of exports past their retention. */
  private void expire() {
    try {
      for (String id : jobs.finishedBefore(clock.instant().minus(properties.retention()))) {
        ExportFiles.delete(properties.directory(), id);
        jobs.delete(id);
      }
    } catch (RuntimeException e) {
      log.error("Expired bulk exports could not be removed", e);
    }
  }

  /**
   * Updates from {@code since} to {@code until}, both included, to the millisecond (a Date would be taken to the
   * second, widening the window by up to a second at each end).
   */
  static DateRangeParam window(java.time.Instant since, java.time.Instant until) {
    return new DateRangeParam(
        since == null ? null : new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, since.toString()),
        new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, until.toString()));
  }

  /** One export being run: its counts and what it withheld. */
  private final class Run {
    private final ExportJob job;
    private final ExportRequest request;
    private final AccessGrant grant;
    /** Holds what is looked up once per export: the caller's clients, the clients' Part 2 consents. */
    private final SystemRequestDetails details = new SystemRequestDetails();
    private final IParser parser = context.newJsonParser();
    private final java.util.Map<String, Long> withheldByType = new java.util.LinkedHashMap<>();
    private String type;
    private long released;
    private long withheld;
    private boolean part2Released;
    private int batchSize;

    Run(ExportJob job, ExportRequest request, AccessGrant grant) {
      this.job = job;
      this.request = request;
      this.grant = grant;
    }

    void export(String type, ExportFiles files) {
      this.type = type;
      List<String> filters = request.typeFilters().getOrDefault(type, List.of());
      // A resource matching several of its type's filters leaves once.
      Set<String> seen = filters.size() > 1 ? new HashSet<>() : null;
      for (String filter : filters.isEmpty() ? java.util.Collections.<String>singletonList(null) : filters) {
        // A type's resources may be of any size (scanned documents as attachments): its first batch is one
        // resource, and batches grow only while they stay within batch-bytes.
        batchSize = 1;
        stored.forEachBatch(type, query(type, filter), details, () -> batchSize, loaded -> write(loaded, seen, files));
      }
    }

    private SearchParameterMap query(String type, String filter) {
      SearchParameterMap query = filter == null ? new SearchParameterMap()
          : matchUrls.translateMatchUrl(filter, context.getResourceDefinition(type));
      java.time.Instant until = request.until() == null || request.until().isAfter(job.transactionTime())
          ? job.transactionTime() : request.until();
      query.setLastUpdated(window(request.since(), until));
      if (request.level() == Level.GROUP) {
        groupMembers.narrow(query, type, "Group/" + request.group());
      }
      return query;
    }

    private void write(List<IBaseResource> loaded, Set<String> seen, ExportFiles files) {
      long bytes = 0;
      for (IBaseResource resource : loaded) {
        if (seen != null && !seen.add(resource.getIdElement().getIdPart())
            || request.level() == Level.PATIENT && !namesClient(resource)) {
          continue;
        }
        if (grant != null && !release.getObject().releasableInBulk(grant, resource, details)) {
          withheld++;
          withheldByType.merge(type, 1L, Long::sum);
          continue;
        }
        if (Part2Release.labelled(resource)) {
          part2Released = true;
          release.ifAvailable(control -> control.released(resource));
        }
        String line = parser.encodeResourceToString(resource);
        files.write(type, line);
        bytes += line.length();
        released++;
      }
      // Size the next batch to about batch-bytes (at most twice this one, so that a run of small resources does not
      // open the door to a run of large ones at once).
      long average = Math.max(1, bytes / loaded.size());
      batchSize = (int) Math.max(1, Math.min(Math.min(LARGEST_BATCH, 2L * batchSize),
          properties.batchBytes() / average));
      if (Thread.currentThread().isInterrupted()) {
        throw new Stopped("the service is stopping");
      }
      if (!jobs.report(job.id(), node, type + ": " + released + " resources exported, " + withheld + " withheld")) {
        throw new Stopped("deleted by its owner, or taken over by another node");
      }
    }

    /** Whether the record is a client's or names one in its Patient compartment (what a Patient export carries). */
    private boolean namesClient(IBaseResource resource) {
      return "Patient".equals(type)
          || !terser.getCompartmentOwnersForResource("Patient", resource, Set.of()).isEmpty();
    }

    /** What the export tells besides the data: how much it withheld and why, the Part 2 notice. */
    List<OperationOutcome> outcomes() {
      List<OperationOutcome> outcomes = new ArrayList<>();
      withheldByType.forEach((withheldType, count) -> {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
            .setCode(OperationOutcome.IssueType.SUPPRESSED)
            .setDiagnostics(count + " " + withheldType + " resource(s) withheld: outside the token's scopes, the"
                + " caller's clients, or Part 2 records without a consent for this recipient and purpose");
        outcomes.add(outcome);
      });
      if (part2Released) {
        OperationOutcome notice = new OperationOutcome();
        notice.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
            .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(Part2Release.REDISCLOSURE_NOTICE);
        outcomes.add(notice);
      }
      return outcomes;
    }
  }

  /** The export stops: deleted by its owner, taken over by another node, or the service is stopping. */
  private static final class Stopped extends RuntimeException {
    Stopped(String reason) {
      super(reason);
    }
  }
}
