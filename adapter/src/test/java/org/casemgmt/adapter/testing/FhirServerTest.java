package org.casemgmt.adapter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.casemgmt.adapter.AdapterApplication;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestTemplate;

/**
 * The whole service on a random port against its own PostgreSQL database, its inboxes in temporary folders. Test classes extending this share one
 * running service (Spring caches the context), so each test works on data it creates with identifiers of its own.
 */
@SpringBootTest(classes = AdapterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FhirServerTest {
  protected static final String DATABASE_URL = PostgresTestDatabase.create("adapter");
  /** The service's MLLP listener port. */
  protected static final int MLLP_PORT = freePort();
  /** A connection of the MLLP listener on which no message starts for this long is closed. */
  protected static final Duration MLLP_IDLE_TIMEOUT = Duration.ofSeconds(20);
  protected static final int MLLP_CONNECTIONS_PER_SENDER = 8;
  /** Loopback hosts the MLLP listener takes any facility from (besides 127.0.0.1 and ::1, where the tests send). */
  protected static final String MLLP_ANY_FACILITY_HOSTS = "127.0.1.0/24";
  /** Loopback hosts allowed to send for NORTHSIDE only; hosts in 127.0.3.0/24 are not allowed at all. */
  protected static final String MLLP_NORTHSIDE_HOSTS = "127.0.2.0/24";
  protected static final Path ADT_INBOX = temporaryFolder("adt-inbox");
  protected static final Path CLAIMS_INBOX = temporaryFolder("claims-inbox");
  protected static final Path ENROLLMENT_INBOX = temporaryFolder("enrollment-inbox");
  protected static final Path EXPORT_DIRECTORY = temporaryFolder("export");
  /** Where MH-CLD submissions are written. */
  protected static final Path MHCLD_OUTBOX = temporaryFolder("mhcld-outbox");
  /** Small, so that an export of a few clients shows files closed at their size. */
  protected static final long EXPORT_MAX_FILE_BYTES = 2000;
  /**
   * A 42 CFR Part 2 program (adapter.part2.program-npis): what it bills or renders is a Part 2 record. No other test
   * names this NPI (claims of the tests and the generated files use others), so no other test's records get labelled.
   */
  protected static final String PART2_PROGRAM_NPI = "1987999012";
  /** Small enough that a test can make a page of includes overflow without writing a thousand records. */
  protected static final int MAX_INCLUDES_PER_PAGE = 100;

  @LocalServerPort
  protected int port;

  @Autowired
  protected FhirContext fhirContext;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DATABASE_URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
    // A write waits this long for a connection during a database outage (AdtFeedTest makes one) before it fails.
    registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
    registry.add("adapter.mllp.port", () -> MLLP_PORT);
    registry.add("adapter.fhir.max-includes-per-page", () -> MAX_INCLUDES_PER_PAGE);
    // The MLLP listener's limits at values MllpListenerLimitsTest can watch work. The other tests send from
    // 127.0.0.1, a connection or two at a time, each message right after connecting or after the last ACK.
    registry.add("adapter.mllp.idle-timeout", () -> MLLP_IDLE_TIMEOUT.toString());
    registry.add("adapter.mllp.max-connections-per-sender", () -> MLLP_CONNECTIONS_PER_SENDER);
    String[][] allowedSenders = {
        {"127.0.0.1", "*"}, {"::1", "*"}, {MLLP_ANY_FACILITY_HOSTS, "*"}, {MLLP_NORTHSIDE_HOSTS, "NORTHSIDE"}};
    for (int i = 0; i < allowedSenders.length; i++) {
      String entry = "adapter.mllp.allowed-senders[" + i + "].";
      String[] sender = allowedSenders[i];
      registry.add(entry + "address", () -> sender[0]);
      registry.add(entry + "sending-facility", () -> sender[1]);
    }
    registry.add("adapter.adt.inbox", ADT_INBOX::toString);
    registry.add("adapter.claims.inbox", CLAIMS_INBOX::toString);
    registry.add("adapter.enrollment.inbox", ENROLLMENT_INBOX::toString);
    registry.add("adapter.part2.program-npis", () -> PART2_PROGRAM_NPI);
    registry.add("adapter.export.directory", EXPORT_DIRECTORY::toString);
    registry.add("adapter.export.max-file-bytes", () -> EXPORT_MAX_FILE_BYTES);
    registry.add("adapter.export.poll-interval", () -> "PT0.2S");
    registry.add("adapter.mhcld.outbox", MHCLD_OUTBOX::toString);
    registry.add("adapter.mhcld.state", () -> "IL");
    // Two re-evaluation workers (one is the default): the suite's writes meet them side by side.
    registry.add("adapter.eligibility.reevaluation.workers", () -> 2);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryFolder(String name) {
    try {
      return Files.createTempDirectory(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected String fhirBase() {
    return baseUrl() + "/fhir";
  }

  protected IGenericClient fhir() {
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    // HAPI's 10 s default is too short for the first validated write while start-up reindexing runs on a busy
    // 2-core machine.
    fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = fhirContext.newRestfulGenericClient(fhirBase());
    client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.admin(baseUrl())));
    return client;
  }

  /** The FHIR API as another test caller (see {@link Tokens}) sees it. */
  protected IGenericClient fhirAs(String token) {
    IGenericClient client = fhirContext.newRestfulGenericClient(fhirBase());
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return client;
  }

  /** The admin endpoints, as the test administrator. */
  protected RestTemplate admin() {
    RestTemplate template = new RestTemplate();
    template.getInterceptors().add((request, body, execution) -> {
      request.getHeaders().setBearerAuth(Tokens.admin(baseUrl()));
      return execution.execute(request, body);
    });
    return template;
  }

  /** A request of the test administrator's. */
  protected HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
    return request.header("Authorization", "Bearer " + Tokens.admin(baseUrl()));
  }

  /** The resources a search finds (first page). */
  protected <T extends Resource> List<T> search(Class<T> type, String url) {
    Bundle found = fhir().search().byUrl(url).returnBundle(Bundle.class).execute();
    return found.getEntry().stream().map(entry -> type.cast(entry.getResource())).toList();
  }

  /** The one resource a search must find. */
  protected <T extends Resource> T single(Class<T> type, String url) {
    List<T> found = search(type, url);
    assertThat(found).as(url).hasSize(1);
    return found.get(0);
  }
}
