import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EHR FHIR pull under load (run by bench/ehr-pull.sh): a stub EHR on the JDK's HTTP server answering the searches
 * the service sends ({@code Encounter} and {@code Condition} by {@code _lastUpdated}, sorted and paged along next links;
 * {@code Patient?_id=}) over generated resources, one Condition per Encounter, every Encounter an inpatient stay (a
 * third of them psychiatric). It times from the first request to the moment the service's health shows both
 * watermarks at the last resource, then checks the counts stored and prints resources per second. With RATE_FILE it
 * writes there the resources/s of everything the pull stored, its Provenance included, for raw ingest of the same
 * resources to be compared with (bench/RawIngestBench.java counts the Provenance it posts too).
 *
 * <p>A warm-up comes first: WARMUP_ENCOUNTERS Encounters with their Conditions, for clients of their own (one per four
 * Encounters), pulled by the freshly started service before the measured ones appear at the EHR, so that the figure
 * is not the JIT compiler's warm-up (on 2 cores it takes a core for minutes after start).
 *
 * <p>Usage: java bench/EhrPullBench.java STUB_PORT SERVICE_URL ENCOUNTERS PATIENTS WARMUP_ENCOUNTERS [RATE_FILE]
 */
public class EhrPullBench {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, List<String[]>> byType = new HashMap<>(); // type -> [id, lastUpdated, json]
  private final Map<String, String> patients = new LinkedHashMap<>();
  private final AtomicReference<Instant> firstRequest = new AtomicReference<>();
  private final AtomicLong requests = new AtomicLong();
  private final String base;
  private final int warmupEncounters;
  private final int warmupPatients;
  /** How many of the Encounters and of the Conditions the EHR shows: the warm-up's first, then all. */
  private volatile int visible;

  EhrPullBench(int port, int encounters, int patientCount, int warmupEncounters) {
    base = "http://localhost:" + port + "/fhir";
    byType.put("Encounter", new ArrayList<>());
    byType.put("Condition", new ArrayList<>());
    // The warm-up's own clients and resources, updated before the measured ones.
    this.warmupEncounters = warmupEncounters;
    this.warmupPatients = warmupEncounters == 0 ? 0 : Math.max(1, warmupEncounters / 4);
    add("w", warmupEncounters, warmupPatients, EPOCH);
    add("", encounters, patientCount, EPOCH.plus(Duration.ofDays(1)));
    visible = warmupEncounters > 0 ? warmupEncounters : encounters;
  }

  /** Encounters (a Condition each) for patients of their own, lastUpdated from {@code from}; ids start with prefix. */
  private void add(String prefix, int encounters, int patientCount, Instant from) {
    for (int p = 0; p < patientCount; p++) {
      String id = prefix + "p" + p;
      patients.put(id, "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"meta\":{\"versionId\":\"1\","
          + "\"lastUpdated\":\"" + from + "\"},\"identifier\":[{\"system\":\"urn:oid:2.16.840.1.113883.19.5\","
          + "\"value\":\"MRN" + id + "\"},{\"system\":\"urn:oid:2.16.840.1.113883.4.927\",\"value\":\"ILB" + id
          + "\"}],\"name\":[{\"family\":\"Bench" + p + "\",\"given\":[\"Client\"]}],\"gender\":\""
          + (p % 2 == 0 ? "female" : "male") + "\",\"birthDate\":\"1980-0" + (1 + p % 9) + "-15\","
          + "\"address\":[{\"line\":[\"" + p + " Elm St\"],\"city\":\"Springfield\",\"district\":\"Sangamon\","
          + "\"state\":\"IL\",\"postalCode\":\"62704\"}]}");
    }
    for (int e = 0; e < encounters; e++) {
      String patient = prefix + "p" + (e % patientCount);
      // Two resources per millisecond: ties across page boundaries happen, as in a real EHR's bulk updates.
      String updated = from.plusMillis(1 + e / 2).toString();
      String day = String.format("2025-%02d-%02d", 1 + e % 12, 1 + e % 27);
      String service = e % 3 == 0 ? ",\"serviceType\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
          + "\"code\":\"394587001\",\"display\":\"Psychiatry\"}]}" : "";
      byType.get("Encounter").add(new String[] {prefix + "e" + e, updated, "{\"resourceType\":\"Encounter\",\"id\":\""
          + prefix + "e" + e + "\",\"meta\":{\"versionId\":\"1\",\"lastUpdated\":\"" + updated + "\"},"
          + "\"identifier\":[{\"system\":\"https://bench.example.org/sid/visit\",\"value\":\"V" + prefix + e
          + "\"}],\"status\":\"finished\",\"class\":{\"system\":"
          + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\"}" + service + ",\"subject\":"
          + "{\"reference\":\"Patient/" + patient + "\"},\"period\":{\"start\":\"" + day
          + "T08:00:00-06:00\",\"end\":\"" + day + "T20:00:00-06:00\"}}"});
      String code = new String[] {"F20.9", "F31.9", "F25.0", "I10", "E11.9"}[e % 5];
      byType.get("Condition").add(new String[] {prefix + "c" + e, updated, "{\"resourceType\":\"Condition\","
          + "\"id\":\"" + prefix + "c" + e + "\",\"meta\":{\"versionId\":\"1\",\"lastUpdated\":\"" + updated
          + "\"},\"clinicalStatus\":{\"coding\":[{\"system\":"
          + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},\"category\":"
          + "[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-category\","
          + "\"code\":\"encounter-diagnosis\"}]}],\"code\":{\"coding\":[{\"system\":"
          + "\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"" + code + "\"}]},\"subject\":{\"reference\":"
          + "\"Patient/" + patient + "\"},\"encounter\":{\"reference\":\"Encounter/" + prefix + "e" + e + "\"},"
          + "\"recordedDate\":\"" + day + "\"}"});
    }
  }

  /** The lastUpdated of the last resource of a type the EHR shows now. */
  String lastUpdated(String type) {
    return byType.get(type).get(visible - 1)[1];
  }

  void serve(HttpExchange exchange) throws IOException {
    firstRequest.compareAndSet(null, Instant.now());
    requests.incrementAndGet();
    String type = exchange.getRequestURI().getPath().substring("/fhir/".length());
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    for (String pair : (raw == null ? "" : raw).split("&")) {
      if (pair.contains("=")) {
        query.put(pair.split("=", 2)[0], URLDecoder.decode(pair.split("=", 2)[1], StandardCharsets.UTF_8));
      }
    }
    StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[");
    List<String> entries = new ArrayList<>();
    if (type.equals("Patient")) {
      bundle.append("]");
      for (String id : query.getOrDefault("_id", "").split(",")) {
        if (patients.containsKey(id)) {
          entries.add(entry("Patient", id, patients.get(id)));
        }
      }
    } else {
      List<String[]> all = byType.getOrDefault(type, List.of());
      all = all.subList(0, Math.min(all.size(), visible));
      Instant after = query.containsKey("_lastUpdated") ? Instant.parse(query.get("_lastUpdated").substring(2))
          : null;
      int from = 0;
      while (after != null && from < all.size() && !Instant.parse(all.get(from)[1]).isAfter(after)) {
        from++;
      }
      int count = Integer.parseInt(query.getOrDefault("_count", "100"));
      int offset = Integer.parseInt(query.getOrDefault("_offset", "0"));
      int start = Math.min(all.size(), from + offset);
      int end = Math.min(all.size(), start + count);
      if (end < all.size()) {
        String next = raw.replaceAll("&?_offset=\\d+", "") + "&_offset=" + (offset + count);
        bundle.append("{\"relation\":\"next\",\"url\":\"").append(base).append('/').append(type).append('?')
            .append(next).append("\"}");
      }
      bundle.append("]");
      for (String[] resource : all.subList(start, end)) {
        entries.add(entry(type, resource[0], resource[2]));
      }
    }
    bundle.append(",\"entry\":[").append(String.join(",", entries)).append("]}");
    byte[] body = bundle.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private String entry(String type, String id, String json) {
    return "{\"fullUrl\":\"" + base + "/" + type + "/" + id + "\",\"resource\":" + json
        + ",\"search\":{\"mode\":\"match\"}}";
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String service = args[1];
    int encounters = Integer.parseInt(args[2]);
    int patientCount = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    Path rateFile = args.length > 5 ? Path.of(args[5]) : null;
    EhrPullBench ehr = new EhrPullBench(port, encounters, patientCount, warmup);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    try {
      ehr.measure(server, service, encounters, patientCount, rateFile);
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private void measure(HttpServer server, String service, int encounters, int patientCount, Path rateFile)
      throws Exception {
    int port = server.getAddress().getPort();
    server.createContext("/fhir/", exchange -> {
      try {
        serve(exchange);
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(500, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
    System.out.printf("stub EHR on port %d: %,d Encounters, %,d Conditions, %,d Patients%n", port, encounters,
        encounters, patientCount);

    HttpClient http = HttpClient.newHttpClient();
    long warmupProvenance = 0;
    if (warmupEncounters > 0) {
      awaitWatermarks(http, service);
      warmupProvenance = count(http, service, "Provenance");
      System.out.printf("warm-up (cold JIT): %,d Encounters, %,d Conditions, %,d Patients pulled in %.1f s%n",
          warmupEncounters, warmupEncounters, warmupPatients, Duration.between(firstRequest.get(), Instant.now())
              .toMillis() / 1000.0);
      // The measured resources appear at the EHR; the service's next poll reads them.
      firstRequest.set(null);
      requests.set(0);
      visible = byType.get("Encounter").size();
    }
    Instant done = awaitWatermarks(http, service);
    long stored = 0;
    long provenance = 0;
    for (String type : List.of("Patient", "Encounter", "Condition", "Provenance")) {
      long count = count(http, service, type);
      System.out.printf("stored %-10s %,d%n", type, count);
      if (type.equals("Provenance")) {
        provenance = count;
      } else {
        stored += count;
      }
    }
    long expected = 2L * encounters + patientCount;
    if (stored != expected + 2L * warmupEncounters + warmupPatients) {
      throw new IllegalStateException("stored " + stored + " resources, expected " + expected);
    }
    double seconds = Duration.between(firstRequest.get(), done).toMillis() / 1000.0;
    System.out.printf("pulled %,d resources (%,d Encounters, %,d Conditions, %,d Patients) in %.1f s"
        + " (first request to both watermarks at the end; %,d requests): %.0f resources/s, %.0f Encounters"
        + " with their Condition per second%n", expected, encounters, encounters, patientCount, seconds,
        requests.get(), expected / seconds, encounters / seconds);
    if (rateFile != null) {
      long pulledProvenance = provenance - warmupProvenance;
      double rate = (expected + pulledProvenance) / seconds;
      System.out.printf("with its %,d Provenance: %,d resources stored, %.1f resources/s (compared with raw ingest)%n",
          pulledProvenance, expected + pulledProvenance, rate);
      Files.writeString(rateFile, String.valueOf(rate));
    }
  }

  /** Waits until the service's health shows both watermarks at the last resource the EHR shows; returns when. */
  private Instant awaitWatermarks(HttpClient http, String service) throws Exception {
    Pattern watermark = Pattern.compile("\"(Encounter|Condition)\":\"([^\"]+)\"");
    Instant deadline = Instant.now().plus(Duration.ofHours(2));
    while (Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      if (firstRequest.get() == null) {
        continue;
      }
      String health = http.send(HttpRequest.newBuilder(URI.create(service + "/actuator/health"))
          .header("Authorization", "Bearer " + token(service)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      int ehrPart = health.indexOf("\"ehr\"");
      Map<String, String> marks = new HashMap<>();
      Matcher found = watermark.matcher(ehrPart < 0 ? "" : health.substring(ehrPart));
      while (found.find()) {
        marks.putIfAbsent(found.group(1), found.group(2));
      }
      if (lastUpdated("Encounter").equals(marks.get("Encounter"))
          && lastUpdated("Condition").equals(marks.get("Condition"))) {
        return Instant.now();
      }
    }
    throw new IllegalStateException("the pull did not finish within 2 hours");
  }

  /**
   * The resources of a type, counted page by page: the service answers no {@code _summary=count} (a count would
   * include records the caller may not see), so the pages' entries are counted.
   */
  private static long count(HttpClient http, String service, String type) throws Exception {
    long count = 0;
    String next = service + "/fhir/" + type + "?_elements=id&_count=1000";
    Pattern nextLink = Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");
    while (next != null) {
      String body = http.send(HttpRequest.newBuilder(URI.create(next))
          .header("Authorization", "Bearer " + token(service)).build(), HttpResponse.BodyHandlers.ofString()).body();
      count += body.split("\"fullUrl\"", -1).length - 1;
      Matcher link = nextLink.matcher(body);
      next = link.find() ? link.group(1) : null;
    }
    return count;
  }

  /** A token of the benchmark's client (bench/lib.sh names it), asked for once the service is up. */
  private static String token(String service) throws Exception {
    if (token == null) {
      String credentials = System.getenv("BENCH_CLIENT_ID") + ":" + System.getenv("BENCH_CLIENT_SECRET");
      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service + "/oauth2/token"))
              .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes()))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
      if (!accessToken.find()) {
        throw new IllegalStateException("no token for the benchmark client: " + body);
      }
      token = accessToken.group(1);
    }
    return token;
  }

  private static String token;
}
