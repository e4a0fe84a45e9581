package org.casemgmt.routes.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.casemgmt.routes.clientrecord.IdentityFixtures;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll reads and prepares the next page while the one before it is recorded, and still records pages one after
 * the other in the EHR's order; a page read ahead is never recorded once the poll stops. The EHR is the JDK's HTTP
 * server answering three pages of Patients; the record is this test's, noting what the poll hands it and when.
 */
class EhrPollTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String MRN = "urn:oid:2.16.840.1.113883.19.5";

  private HttpServer ehr;
  /** Per page number (1-3): the HTTP status the EHR answers with; 200 unless set. */
  private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private EhrSourceStatus status;
  private EhrPoll poll;

  @BeforeEach
  void startEhr() throws IOException {
    ehr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ehr.createContext("/fhir/Patient", this::page);
    ehr.start();
  }

  @AfterEach
  void stopEhr() {
    ehr.stop(0);
  }

  @Test
  void theNextPageIsPreparedWhileAPageIsRecordedAndPagesAreRecordedInOrder() {
    CountDownLatch secondPrepared = new CountDownLatch(1);
    poll(new Record() {
      @Override
      public Prepared prepare(EhrPage page) {
        Prepared prepared = super.prepare(page);
        if (page(page) == 2) {
          secondPrepared.countDown();
        }
        return prepared;
      }

      @Override
      void recording(int page) throws InterruptedException {
        if (page == 1) {
          // Page 1 is not recorded until page 2 has been read and prepared, which only a poll reading ahead does.
          events.add(secondPrepared.await(20, TimeUnit.SECONDS) ? "page 2 prepared meanwhile" : "waited in vain");
        }
      }
    }).poll();

    assertThat(events).startsWith("prepared 1", "prepared 2", "page 2 prepared meanwhile", "recorded 1");
    assertThat(events.stream().filter(event -> event.startsWith("recorded")))
        .containsExactly("recorded 1", "recorded 2", "recorded 3");
    assertThat(events).contains("prepared 3");
    assertThat(status.snapshot().state()).isEqualTo(EhrSourceStatus.State.UP);
  }

  @Test
  void aPageThatCannotBeReadStopsThePollAfterThePageBeforeItIsRecorded() {
    statuses.put(2, 404);
    poll(new Record()).poll();

    assertThat(events).containsExactly("prepared 1", "recorded 1");
    assertThat(status.snapshot().lastError()).contains("HTTP 404");
    assertThat(status.snapshot().state()).isEqualTo(EhrSourceStatus.State.DOWN);
  }

  @Test
  void aPageReadAheadIsNotRecordedWhenRecordingThePageBeforeItFails() {
    poll(new Record() {
      @Override
      void recording(int page) {
        if (page == 1) {
          throw new IllegalStateException("the store is down");
        }
      }
    }).poll();

    assertThat(events).doesNotContain("recorded 1", "recorded 2", "recorded 3").contains("prepared 1")
        .doesNotContain("prepared 3");
    assertThat(status.snapshot().lastError()).contains("recording failed (IllegalStateException)");
  }

  private EhrPoll poll(Record record) {
    EhrSource source = new EhrSource("north", "http://127.0.0.1:" + ehr.getAddress().getPort() + "/fhir", null,
        null, List.of("Patient"), 1, false, MRN, null, null, null);
    status = new EhrSourceStatus(source);
    Clock clock = Clock.systemUTC();
    Transport transport = new Transport(source, status, clock);
    FhirApi api = new FhirApi(source, transport, Authentication.of(source, transport, clock), FHIR);
    EhrMapper mapper = new EhrMapper(source, new EhrMappingTables(List.of(), List.of()),
        IdentityFixtures.shipped());
    return new EhrPoll(source, api, mapper, record, status, clock);
  }

  /** Page n of the EHR's Patients, one per page, each page linking to the next up to page 3. */
  private void page(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    int page = query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1")) : 1;
    int code = statuses.getOrDefault(page, 200);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    Patient patient = new Patient();
    patient.setId("p" + page);
    patient.getMeta().setLastUpdatedElement(new InstantType("2026-04-01T10:00:0" + page + "Z"));
    patient.addIdentifier().setSystem(MRN).setValue("M" + page);
    patient.addName().setFamily("Page" + page).addGiven("Pat");
    patient.setGender(Enumerations.AdministrativeGender.UNKNOWN);
    bundle.addEntry().setResource(patient).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    if (page < 3) {
      bundle.addLink().setRelation(Bundle.LINK_NEXT)
          .setUrl("http://127.0.0.1:" + ehr.getAddress().getPort() + "/fhir/Patient?page=" + (page + 1));
    }
    byte[] body = code == 200 ? FHIR.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8)
        : "{\"resourceType\":\"OperationOutcome\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
    exchange.sendResponseHeaders(code, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** The record as the poll sees it: notes each page prepared and recorded, by the number in its Patient's id. */
  private class Record implements EhrRecord {
    @Override
    public Prepared prepare(EhrPage page) {
      events.add("prepared " + page(page));
      return () -> page;
    }

    @Override
    public PageOutcome record(Prepared prepared) {
      int page = page(prepared.page());
      try {
        recording(page);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
      events.add("recorded " + page);
      return new PageOutcome(1, 0, 0, List.of());
    }

    void recording(int page) throws InterruptedException {
    }

    @Override
    public Optional<String> watermark(String sourceId, String resourceType) {
      return Optional.empty();
    }

    int page(EhrPage page) {
      return Integer.parseInt(page.resources().get(0).received().getIdElement().getIdPart().substring(1));
    }
  }
}
