package org.casemgmt.adapter.reporting;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.casemgmt.adapter.eligibility.record.ClientRecordReader;
import org.casemgmt.adapter.eligibility.record.FhirDates;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.Part2Release;
import org.casemgmt.adapter.security.ReleaseControl;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.monitoring.Reassessments;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every report (measures, MH-CLD) reads the same way: the clients a search's matches name (however many), the
 * clients a chunk at a time as the survivors of merges (several chunks at once), their records of a type with one search per chunk, their enrollments,
 * and which records the caller may not see (a Part 2 record without the client's consent to this caller), which are
 * left out so that counts and lists tell nothing they withhold.
 */
@Component
public class PopulationRecords {
  private static final int CHUNK = 200;
  private static final int PAGE = 500;
  /** Enrollments that never were or are not yet: they put a client in no program. */
  private static final Set<EpisodeOfCare.EpisodeOfCareStatus> NOT_ENROLLED = EnumSet.of(
      EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR, EpisodeOfCare.EpisodeOfCareStatus.CANCELLED,
      EpisodeOfCare.EpisodeOfCareStatus.PLANNED, EpisodeOfCare.EpisodeOfCareStatus.WAITLIST);

  private final ClientRecordReader records;
  private final StoredResources stored;
  private final DaoRegistry daos;
  private final ObjectProvider<ReleaseControl> release;
  private final int readerThreads;
  private final ExecutorService readers;

  /** @param readerThreads chunks read at once (0: one per processor): reports are read-bound, and both cores help */
  PopulationRecords(ClientRecordReader records, StoredResources stored, DaoRegistry daos,
      ObjectProvider<ReleaseControl> release, @Value("${adapter.reporting.reader-threads:0}") int readerThreads) {
    this.records = records;
    this.stored = stored;
    this.daos = daos;
    this.release = release;
    this.readerThreads = readerThreads > 0 ? readerThreads : Runtime.getRuntime().availableProcessors();
    AtomicInteger named = new AtomicInteger();
    this.readers = Executors.newFixedThreadPool(this.readerThreads, task -> {
      Thread thread = new Thread(task, "report-reader-" + named.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The clients ("Patient/12") the matches of a search name, however many (read in batches). */
  public <T extends IBaseResource> Set<String> clientsOf(Class<T> type, SearchParameterMap query,
      Function<T, Reference> client) {
    Set<String> clients = new LinkedHashSet<>();
    stored.forEachBatch(type.getSimpleName(), query, new SystemRequestDetails(), () -> PAGE, batch ->
        batch.forEach(match -> WorkflowCodes.patient(client.apply(type.cast(match))).ifPresent(clients::add)));
    return clients;
  }

  /**
   * The clients with an enrollment that took place (not planned, waitlisted, cancelled or in error) and whose period
   * overlaps the days (an open one runs on), however many.
   */
  public Set<String> clientsEnrolled(LocalDate from, LocalDate to) {
    return clientsOf(EpisodeOfCare.class, new SearchParameterMap()
        .add(EpisodeOfCare.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from.toString()))
        .add(EpisodeOfCare.SP_DATE, new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, to.toString())),
        episode -> NOT_ENROLLED.contains(episode.getStatus()) ? null : episode.getPatient());
  }

  /**
   * Reads the clients a chunk at a time, as the Patients that stand for them (merged ones left out), on the reader
   * threads, and hands what each chunk gave to {@code use} in the clients' order on the calling thread. A few chunks
   * are read at once (one per reader thread), so the heap holds a few chunks' records whatever the population.
   * {@code read} runs on several threads at once: what it shares must be safe for that (a request's caches are not).
   */
  public <R> void forEachChunk(List<String> clients, Function<List<Patient>, List<R>> read, Consumer<R> use) {
    Deque<Future<List<R>>> reading = new ArrayDeque<>();
    for (int first = 0; first < clients.size(); first += CHUNK) {
      List<String> ids = clients.subList(first, Math.min(clients.size(), first + CHUNK)).stream()
          .map(client -> client.substring(client.indexOf('/') + 1)).toList();
      reading.add(readers.submit(() -> {
        List<Patient> patients = records.survivingClients(ids);
        return patients.isEmpty() ? List.<R>of() : read.apply(patients);
      }));
      if (reading.size() >= readerThreads) {
        done(reading.poll()).forEach(use);
      }
    }
    while (!reading.isEmpty()) {
      done(reading.poll()).forEach(use);
    }
  }

  private static <R> List<R> done(Future<List<R>> chunk) {
    try {
      return chunk.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a report's clients", e);
    }
  }

  @PreDestroy
  void stop() {
    readers.shutdownNow();
  }

  public static ReferenceOrListParam references(List<Patient> patients) {
    ReferenceOrListParam subjects = new ReferenceOrListParam();
    patients.forEach(patient -> subjects.addOr(new ReferenceParam(WorkflowCodes.reference(patient))));
    return subjects;
  }

  /**
   * Whether the caller ({@code grant}; null for the service's own work) may see a record in a measure: a Part 2
   * record only as a bulk release to them would carry it. The clients were cut to the caller's reach already.
   */
  public Predicate<IBaseResource> visibleTo(AccessGrant grant) {
    ReleaseControl control = release.getIfAvailable();
    if (grant == null || control == null) {
      return record -> true;
    }
    SystemRequestDetails details = new SystemRequestDetails();
    return record -> !Part2Release.labelled(record) || control.releasableInBulk(grant, record, details);
  }

  /** The records of the query the caller may see, by client ("Patient/12"). */
  public <T extends IBaseResource> Map<String, List<T>> byClient(Class<T> type, SearchParameterMap query,
      Function<T, Reference> client, Predicate<IBaseResource> visible) {
    Map<String, List<T>> found = new HashMap<>();
    daos.getResourceDao(type).searchForResources(query, new SystemRequestDetails()).stream()
        .map(type::cast).filter(visible)
        .forEach(record -> WorkflowCodes.patient(client.apply(record)).ifPresent(owner ->
            found.computeIfAbsent(owner, key -> new ArrayList<>()).add(record)));
    return found;
  }

  /** The clients' enrollments that took place (or are taking place) and that the caller may see, by client. */
  public Map<String, List<Enrollment>> enrollments(ReferenceOrListParam clients, Predicate<IBaseResource> visible) {
    Map<String, List<Enrollment>> found = new HashMap<>();
    byClient(EpisodeOfCare.class, SearchParameterMap.newSynchronous().add(EpisodeOfCare.SP_PATIENT, clients),
        EpisodeOfCare::getPatient, visible).forEach((client, episodes) -> episodes.forEach(episode -> {
          LocalDate start = FhirDates.day(episode.getPeriod().getStartElement());
          String program = Reassessments.program(episode).orElse(null);
          if (start != null && program != null && !NOT_ENROLLED.contains(episode.getStatus())) {
            found.computeIfAbsent(client, key -> new ArrayList<>()).add(new Enrollment(
                WorkflowCodes.reference(episode), program, start, FhirDates.day(episode.getPeriod().getEndElement()),
                episode.getCareManager().hasReference() ? episode.getCareManager().getReference() : null));
          }
        }));
    return found;
  }
}
