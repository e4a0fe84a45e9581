import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Care plans out to an EHR (run by bench/careplan-exchange.sh; needs only a JDK).
 *
 * <p>The EHR is an HTTP server on loopback that takes every transaction (after an optional delay, as a slow EHR would)
 * and notes when each plan arrived, by the plan identifier the benchmark gave it. The benchmark writes, from a few
 * threads, one FHIR transaction per activation (a client, a goal and an active ISP approved by the client) and notes
 * when each was committed (the answer). It prints activations/s, deliveries/s until the last plan arrived, and the
 * delay from commit to arrival (percentiles). A warm-up round, not counted, comes first.
 *
 * <p>Usage: java CarePlanExchangeBench.java BASE_URL EHR_PORT [plans=1000] [threads=2] [ehrDelayMs=0]
 * [warmupPlans=300]
 */
public class CarePlanExchangeBench {
  private static final Pattern MARKER =
      Pattern.compile("\"system\"\\s*:\\s*\"urn:bench:plan\"\\s*,\\s*\"value\"\\s*:\\s*\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Long> committed = new ConcurrentHashMap<>();
  private final Map<String, Long> arrived = new ConcurrentHashMap<>();
  private final AtomicInteger transactions = new AtomicInteger();
  private final String base;
  private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  CarePlanExchangeBench(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    int plans = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int delay = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 300;
    CarePlanExchangeBench bench = new CarePlanExchangeBench(args[0]);
    HttpServer ehr = bench.ehr(Integer.parseInt(args[1]), delay);
    try {
      System.out.printf("EHR on loopback, %d ms per transaction; %d threads activating%n", delay, threads);
      bench.round("warm-up", "W", warmup, threads, false);
      bench.round("measured", "M", plans, threads, true);
    } finally {
      ehr.stop(0);
    }
  }

  private HttpServer ehr(int port, int delayMs) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.createContext("/fhir", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (delayMs > 0) {
          Thread.sleep(delayMs);
        }
        transactions.incrementAndGet();
        Matcher marker = MARKER.matcher(body);
        if (marker.find()) {
          arrived.putIfAbsent(marker.group(1), System.nanoTime());
        }
        byte[] answer = "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\"}".getBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    });
    // Daemon threads: the benchmark ends when its rounds are done, whatever the EHR's pool holds.
    server.setExecutor(Executors.newFixedThreadPool(4, work -> {
      Thread thread = new Thread(work, "ehr");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return server;
  }

  private void round(String name, String prefix, int plans, int threads, boolean print) throws Exception {
    committed.clear();
    arrived.clear();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < plans; i++) {
      String marker = runId + prefix + i;
      writes.add(pool.submit(() -> activate(marker)));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    long written = System.nanoTime();
    pool.shutdown();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (arrived.size() < plans && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long last = arrived.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
    if (!print) {
      return;
    }
    List<Double> delays = new ArrayList<>();
    committed.forEach((marker, at) -> {
      Long in = arrived.get(marker);
      if (in != null) {
        delays.add((in - at) / 1e6);
      }
    });
    Collections.sort(delays);
    System.out.printf("%s: %d activations in %.1f s = %.0f activations/s (3 resources each)%n", name, plans,
        (written - start) / 1e9, plans / ((written - start) / 1e9));
    System.out.printf("%s: %d of %d plans at the EHR after %.1f s = %.0f deliveries/s; %d transactions received%n",
        name, arrived.size(), plans, (last - start) / 1e9, arrived.size() / ((last - start) / 1e9),
        transactions.get());
    System.out.printf("%s: commit to arrival ms p50 %.0f, p95 %.0f, p99 %.0f, max %.0f%n", name,
        percentile(delays, 50), percentile(delays, 95), percentile(delays, 99), percentile(delays, 100));
  }

  private static double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private void activate(String marker) {
    String member = "BENCH" + marker;
    String body = """
        {"resourceType":"Bundle","type":"transaction","entry":[
         {"fullUrl":"urn:uuid:p-%1$s","resource":{"resourceType":"Patient",
           "meta":{"profile":["https://fhir.casemgmt-adapter.org/StructureDefinition/client"]},
           "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MB"}]},
             "system":"urn:oid:2.16.840.1.113883.4.927","value":"%2$s"}],
           "name":[{"family":"Bench","given":["Client"]}],"gender":"female","birthDate":"1980-01-01",
           "address":[{"use":"home","line":["1 Main St"],"city":"Springfield","district":"Sangamon","state":"IL",
             "postalCode":"62701"}]},
          "request":{"method":"POST","url":"Patient"}},
         {"fullUrl":"urn:uuid:g-%1$s","resource":{"resourceType":"Goal",
           "meta":{"profile":["https://fhir.casemgmt-adapter.org/StructureDefinition/isp-goal"]},
           "lifecycleStatus":"active","description":{"text":"Own apartment by June"},
           "subject":{"reference":"urn:uuid:p-%1$s"},"startDate":"2026-03-02",
           "target":[{"measure":{"text":"Nights housed"},"detailQuantity":{"value":30,"unit":"nights"},
             "dueDate":"2026-06-01"}],"expressedBy":{"reference":"urn:uuid:p-%1$s"}},
          "request":{"method":"POST","url":"Goal"}},
         {"resource":{"resourceType":"CarePlan",
           "meta":{"profile":["https://fhir.casemgmt-adapter.org/StructureDefinition/isp"]},
           "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">ISP</div>"},
           "extension":[{"url":"https://fhir.casemgmt-adapter.org/StructureDefinition/isp-approval","extension":[
             {"url":"approver","valueReference":{"reference":"urn:uuid:p-%1$s"}},
             {"url":"date","valueDateTime":"2026-03-02T10:30:00-06:00"}]}],
           "identifier":[{"system":"urn:bench:plan","value":"%1$s"}],
           "status":"active","intent":"plan",
           "category":[
             {"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]},
             {"coding":[{"system":"https://fhir.casemgmt-adapter.org/CodeSystem/case-management","code":"isp"}]}],
           "subject":{"reference":"urn:uuid:p-%1$s"},"period":{"start":"2026-03-02","end":"2026-06-02"},
           "goal":[{"reference":"urn:uuid:g-%1$s"}]},
          "request":{"method":"POST","url":"CarePlan"}}]}
        """.formatted(marker, member);
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base))
          .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
              .header("Content-Type", "application/fhir+json").timeout(Duration.ofSeconds(120))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("activation refused: " + response.statusCode() + " " + response.body());
      }
      committed.put(marker, System.nanoTime());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
