import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for the FHIR server (run by bench/fhir-server.sh; needs only a JDK).
 *
 * <p>Loads transaction Bundles of synthetic clients shaped like the adapter's real traffic: a Patient with a Medicaid
 * member ID and a facility MRN, three psychiatric inpatient Encounters with visit numbers, their ICD-10-CM Conditions
 * and an Individualized Service Plan (CarePlan); 8 resources a client. It measures three things:
 * <ol>
 *   <li>cold: the first clients after start-up, while the JIT is still compiling HAPI's write path (on 2 cores the
 *       compiler competes with the requests for minutes);</li>
 *   <li>sustained: the same Bundles once the service is warm, first as plain creates, then with Patients and
 *       Encounters as conditional creates on their identifiers, the way the feeds write them (idempotent);</li>
 *   <li>single reads and identifier searches, one request at a time (latency);</li>
 *   <li>reads from 8 clients at once (throughput: what a server answering many callers manages).</li>
 * </ol>
 *
 * <p>Usage: java FhirLoadBench.java BASE_URL [clients=3000] [clientsPerBundle=20] [threads=2] [probes=2000]
 * [warmupClients=8000]
 */
public class FhirLoadBench {
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String MRN = "urn:oid:1.2.3.4.5.1";
  private static final String VISITS = "urn:oid:1.2.3.4.5.2";
  private static final Pattern LOCATION = Pattern.compile("\"location\"\\s*:\\s*\"(Patient/[^/\"]+)");
  private static final String[] DIAGNOSES = {"F20.0", "F25.0", "F31.2", "F33.2", "F31.9", "F20.9"};

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  FhirLoadBench(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    int perBundle = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int probes = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 8000;
    new FhirLoadBench(base).run(clients, perBundle, threads, probes, warmup);
  }

  void run(int clients, int perBundle, int threads, int probes, int warmup) throws Exception {
    System.out.printf("load: bundles of %d clients (%d resources), %d threads posting%n",
        perBundle, perBundle * 8, threads);
    int cold = Math.min(warmup, 1500);
    print("ingest cold (first " + cold + " clients)", load(0, cold, perBundle, threads, "W", true));
    load(cold, warmup, perBundle, threads, "W", true);
    for (int i = 0; i < Math.min(probes, 500); i++) {
      timed(base + "/Patient?identifier=" + MEDICAID + "%7C" + memberId("W", i % Math.max(1, warmup)));
    }
    print("ingest sustained, plain creates", load(0, clients, perBundle, threads, "P", false));
    LoadResult conditional = load(0, clients, perBundle, threads, "L", true);
    print("ingest sustained, conditional creates", conditional);

    List<String> patientIds = conditional.patientIds;
    Random random = new Random(42);
    List<Long> reads = new ArrayList<>();
    List<Long> searches = new ArrayList<>();
    for (int i = 0; i < probes; i++) {
      String id = patientIds.get(random.nextInt(patientIds.size()));
      reads.add(timed(base + "/" + id));
      int client = random.nextInt(clients);
      searches.add(timed(base + "/Patient?identifier=" + MEDICAID + "%7C" + memberId("L", client)));
    }
    report("read Patient/{id}", reads);
    report("search Patient?identifier=", searches);

    int readers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    List<Callable<Void>> work = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      Random own = new Random(r);
      work.add(() -> {
        for (int i = 0; i < probes / 2; i++) {
          timed(base + "/" + patientIds.get(own.nextInt(patientIds.size())));
        }
        return null;
      });
    }
    long start = System.nanoTime();
    for (Future<Void> done : pool.invokeAll(work)) {
      done.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("reads concurrent (%d clients): %d reads in %.1f s = %.0f reads/s%n",
        readers, readers * (probes / 2), seconds, readers * (probes / 2) / seconds);
  }

  private static void print(String what, LoadResult result) {
    double seconds = result.nanos / 1e9;
    System.out.printf("%s: %d resources in %.1f s = %.0f resources/s%n",
        what, result.resources, seconds, result.resources / seconds);
  }

  record LoadResult(int resources, List<String> patientIds, long nanos) {}

  /** Builds the bundles first, so the timed part measures the server rather than this generator. */
  LoadResult load(int from, int to, int perBundle, int threads, String batch, boolean conditional)
      throws Exception {
    List<String> bundles = new ArrayList<>();
    int resources = 0;
    for (int first = from; first < to; first += perBundle) {
      StringBuilder entries = new StringBuilder();
      for (int c = first; c < Math.min(to, first + perBundle); c++) {
        resources += appendClient(entries, batch, c, conditional);
      }
      bundles.add("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}");
    }
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> patientIds = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> futures = new ArrayList<>();
    for (String bundle : bundles) {
      futures.add(pool.submit(() -> {
        Matcher matcher = LOCATION.matcher(post(bundle));
        while (matcher.find()) {
          patientIds.add(matcher.group(1));
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    long nanos = System.nanoTime() - start;
    pool.shutdown();
    return new LoadResult(resources, patientIds, nanos);
  }

  /** Appends one client's resources to a transaction; returns how many. */
  private int appendClient(StringBuilder entries, String batch, int c, boolean conditional) {
    String patient = "urn:uuid:" + java.util.UUID.randomUUID();
    String member = memberId(batch, c);
    if (entries.length() > 0) {
      entries.append(',');
    }
    entries.append("""
        {"fullUrl":"%s","resource":{"resourceType":"Patient",
         "identifier":[{"system":"%s","value":"%s"},{"system":"%s","value":"MRN%s"}],
         "name":[{"family":"Client%s","given":["Alex","J"]}],"gender":"%s","birthDate":"%d-%02d-%02d",
         "telecom":[{"system":"phone","value":"555-01%04d","use":"home"}],
         "address":[{"line":["%d Main St"],"city":"Springfield","district":"Sangamon","state":"IL","postalCode":"62701"}]},
         "request":{"method":"POST","url":"Patient"%s}}"""
        .formatted(patient, MEDICAID, member, MRN, member, member, c % 2 == 0 ? "female" : "male",
            1950 + c % 50, 1 + c % 12, 1 + c % 28, c % 10000, c,
            ifNoneExist(conditional, MEDICAID + "|" + member)));
    int count = 1;
    List<String> encounters = new ArrayList<>();
    for (int stay = 0; stay < 3; stay++) {
      String encounter = "urn:uuid:" + java.util.UUID.randomUUID();
      encounters.add(encounter);
      String visit = member + "-V" + stay;
      entries.append("""
          ,{"fullUrl":"%s","resource":{"resourceType":"Encounter","status":"finished",
           "identifier":[{"system":"%s","value":"%s"}],
           "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
           "serviceType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/service-type","code":"61"}]},
           "subject":{"reference":"%s"},"period":{"start":"202%d-0%d-03T10:00:00Z","end":"202%d-0%d-12T15:00:00Z"},
           "hospitalization":{"dischargeDisposition":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/discharge-disposition","code":"home"}]}}},
           "request":{"method":"POST","url":"Encounter"%s}}"""
          .formatted(encounter, VISITS, visit, patient, stay + 2, stay + 1, stay + 2, stay + 1,
              ifNoneExist(conditional, VISITS + "|" + visit)));
      entries.append("""
          ,{"resource":{"resourceType":"Condition",
           "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
           "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
           "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"%s"}]},
           "subject":{"reference":"%s"},"encounter":{"reference":"%s"}},
           "request":{"method":"POST","url":"Condition"}}"""
          .formatted(DIAGNOSES[(c + stay) % DIAGNOSES.length], patient, encounter));
      count += 2;
    }
    entries.append("""
        ,{"resource":{"resourceType":"CarePlan","status":"active","intent":"plan",
         "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],
         "title":"Individualized Service Plan","subject":{"reference":"%s"},
         "period":{"start":"2025-01-01","end":"2025-12-31"},
         "activity":[{"detail":{"status":"scheduled","description":"Housing referral"}},
                     {"detail":{"status":"in-progress","description":"Monthly psychiatric follow-up"}}]},
         "request":{"method":"POST","url":"CarePlan"}}""".formatted(patient));
    return count + 1;
  }

  private static String ifNoneExist(boolean conditional, String identifier) {
    return conditional ? ",\"ifNoneExist\":\"identifier=" + identifier + "\"" : "";
  }

  private String memberId(String batch, int c) {
    return runId + batch + c;
  }

  private String post(String bundle) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Content-Type", "application/fhir+json").header("Prefer", "return=minimal")
        .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("transaction failed: " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private long timed(String url) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - start) / 1000;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return micros;
  }

  private static void report(String what, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms%n", what, sorted.size(),
        percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }
}
