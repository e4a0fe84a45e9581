package org.casemgmt.routes.ehr;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one EHR: for each resource type, what changed since its watermark ({@code _lastUpdated=gt...}, sorted by
 * {@code _lastUpdated}), page by page along the {@code next} links, each page with the Patients it names handed to the
 * record and committed with its watermark. The next page is read and prepared on a second thread while a page is
 * recorded, so checking what the EHR sent overlaps writing what it sent before. A failure stops that type's poll where
 * it is (committed pages stay, the watermark with them), is reported in health and the log, and the next poll starts
 * again from the watermark. It never throws: one EHR's trouble must not stop the route or any other source.
 */
final class EhrPoll implements Processor {
  private static final Logger log = LoggerFactory.getLogger(EhrPoll.class);
  /** A failure that goes on is logged again this often, not at every poll. */
  private static final Duration REPEAT_WARNING = Duration.ofMinutes(15);

  private final EhrSource source;
  private final FhirApi api;
  private final EhrMapper mapper;
  private final EhrRecord record;
  private final EhrSourceStatus status;
  private final Clock clock;
  /** Per resource type: the failure last logged, and when. */
  private final Map<String, String> failing = new HashMap<>();
  private final Map<String, Instant> warned = new HashMap<>();
  /** The poll's second thread, reading ahead; it ends when the source has been idle for a while. */
  private final ThreadPoolExecutor ahead;

  EhrPoll(EhrSource source, FhirApi api, EhrMapper mapper, EhrRecord record, EhrSourceStatus status, Clock clock) {
    this.source = source;
    this.api = api;
    this.mapper = mapper;
    this.record = record;
    this.status = status;
    this.clock = clock;
    this.ahead = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
      Thread thread = new Thread(work, "ehr-" + source.id() + "-ahead");
      thread.setDaemon(true);
      return thread;
    });
    ahead.allowCoreThreadTimeOut(true);
  }

  @Override
  public void process(Exchange exchange) {
    poll();
  }

  void poll() {
    status.pollStarted(clock.instant());
    for (String type : source.resourceTypes()) {
      try {
        Tally tally = pull(type);
        if (failing.remove(type) != null) {
          log.info("EHR {} {}: polling again", source.id(), type);
        }
        if (tally.changed()) {
          log.info("EHR {} {}: {} page(s), {} new, {} updated, {} unchanged, {} dead letter(s)", source.id(), type,
              tally.pages, tally.created, tally.updated, tally.unchanged, tally.refused);
        }
      } catch (EhrFailure failure) {
        failed(type, failure.getMessage(), null);
      } catch (RuntimeException failure) {
        failed(type, "recording failed (" + failure.getClass().getSimpleName() + ")", failure);
      }
    }
    status.pollEnded(clock.instant());
  }

  /** Reported in health at once; logged when it starts, changes, or every 15 minutes while it goes on. */
  private void failed(String type, String reason, RuntimeException exception) {
    Instant now = clock.instant();
    status.failed(now, type + ": " + reason);
    boolean known = reason.equals(failing.put(type, reason));
    if (known && warned.get(type).plus(REPEAT_WARNING).isAfter(now)) {
      log.debug("EHR {} {}: poll failed again: {}", source.id(), type, reason);
      return;
    }
    warned.put(type, now);
    if (exception == null) {
      log.warn("EHR {} {}: poll stopped, watermark kept at the last committed page: {}", source.id(), type, reason);
    } else {
      log.error("EHR {} {}: {}; watermark kept at the last committed page", source.id(), type, reason, exception);
    }
  }

  private Tally pull(String type) throws EhrFailure {
    String watermark = record.watermark(source.id(), type).orElse(null);
    WatermarkCursor cursor = new WatermarkCursor(watermark);
    Tally tally = new Tally();
    // Each page is fetched, mapped and prepared on the second thread while the page before it is recorded on this
    // one; pages are still recorded one after the other, in the EHR's order, each with its watermark.
    Future<Fetched> next = ahead.submit(() -> fetch(type, firstPage(type, watermark), cursor));
    try {
      while (next != null) {
        Fetched page = fetched(next);
        next = page.next() == null ? null : ahead.submit(() -> fetch(type, page.next(), cursor));
        tally.add(record.record(page.prepared()));
      }
    } finally {
      if (next != null) {
        next.cancel(true); // this type's poll stopped: the page read ahead is not recorded
      }
    }
    return tally;
  }

  /** A page read, mapped and prepared, and the URL of the page after it (null on the last). */
  private record Fetched(EhrRecord.Prepared prepared, String next) {
  }

  private Fetched fetch(String type, String url, WatermarkCursor cursor) throws EhrFailure {
    SearchPage page = SearchPage.of(api.page(url), type);
    Map<String, Patient> patients = new LinkedHashMap<>(page.included());
    page.matches().stream().filter(Patient.class::isInstance).map(Patient.class::cast)
        .forEach(patient -> patients.put(patient.getIdElement().getIdPart(), patient));
    List<String> missing = mapper.clientIds(page.matches()).stream()
        .filter(id -> !patients.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      patients.putAll(api.patients(missing));
    }
    EhrPage mapped = mapper.page(type, page.matches(), patients,
        cursor.afterPage(page.lastUpdated(), page.next() != null));
    return new Fetched(record.prepare(mapped), page.next());
  }

  private static Fetched fetched(Future<Fetched> page) throws EhrFailure {
    try {
      return page.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new EhrFailure("the poll was interrupted");
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof EhrFailure failure) {
        throw failure;
      }
      if (failed.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(failed.getCause());
    }
  }

  private String firstPage(String type, String watermark) {
    StringBuilder url = new StringBuilder(source.baseUrl()).append('/').append(type)
        .append("?_sort=_lastUpdated&_count=").append(source.pageSize());
    if (watermark != null) {
      url.append("&_lastUpdated=").append(URLEncoder.encode("gt" + watermark, StandardCharsets.UTF_8));
    }
    if (source.includePatients() && !"Patient".equals(type)) {
      url.append("&_include=").append(type).append(":patient");
    }
    return url.toString();
  }

  private final class Tally {
    int pages;
    int created;
    int updated;
    int unchanged;
    int refused;

    void add(EhrRecord.PageOutcome outcome) {
      status.counted(outcome);
      pages++;
      created += outcome.created();
      updated += outcome.updated();
      unchanged += outcome.unchanged();
      refused += outcome.deadLetters().size();
    }

    boolean changed() {
      return created + updated + refused > 0;
    }
  }
}
