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
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one EHR: for each resource type, what changed since its watermark ({@code _lastUpdated=gt...}, sorted
 * by {@code _lastUpdated}), page by page along the {@code next} links, each page with the Patients it names handed to
 * the record and committed with its watermark. A failure stops that type's poll where it is (committed pages stay,
 * the watermark with them), is reported in health and the log, and the next poll starts again from the watermark.
 * It never throws: one EHR's trouble must not stop the route or any other source.
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

  EhrPoll(EhrSource source, FhirApi api, EhrMapper mapper, EhrRecord record, EhrSourceStatus status, Clock clock) {
    this.source = source;
    this.api = api;
    this.mapper = mapper;
    this.record = record;
    this.status = status;
    this.clock = clock;
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
    for (String url = firstPage(type, watermark); url != null; ) {
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
      tally.add(record.record(mapped));
      url = page.next();
    }
    return tally;
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
