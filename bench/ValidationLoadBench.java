import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost of profile validation on writes (run by bench/validation.sh; needs only a JDK).
 *
 * <p>Posts 50-entry transaction Bundles: 10 clients, each a Patient with two psychiatric hospitalizations (Encounter)
 * and their ICD-10-CM diagnoses (Condition), shaped like the guide's examples. In mode "on" every resource declares
 * the guide's profile (client, hospitalization, diagnosis), so every one is validated before it is stored; in mode
 * "off" none declares a profile and the server requires none, so nothing is validated. Both modes run against the
 * same server, so they share its warm JIT and database:
 * <ol>
 *   <li>checks: an invalid client in mode "on" is refused with 422, the same client in mode "off" is stored;</li>
 *   <li>warm-up in mode "off", heap after a full GC (validation not used yet), warm-up in mode "on", heap after a
 *       full GC again (the validator's caches and pooled validators now live);</li>
 *   <li>rounds that measure "off" then "on"; prints resources/s of each, the slowdown, and the process's memory.</li>
 * </ol>
 * Memory comes from the server's own JVM: {@code jcmd PID GC.run} then {@code jcmd PID GC.heap_info} (heap used after
 * a full GC), and VmRSS / VmHWM (peak) from /proc/PID/status.
 *
 * <p>Usage: java ValidationLoadBench.java BASE_URL SERVER_PID [bundlesPerRound=200] [rounds=3]
 * [warmupBundles=1000] [threads=2]
 */
public class ValidationLoadBench {
  private static final String PROFILES = "https://fhir.casemgmt-adapter.org/StructureDefinition/";
  private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  private static final String[] DIAGNOSES = {"F20.0", "F25.0", "F31.2", "F33.2", "F31.9", "F20.9"};
  private static final int CLIENTS_PER_BUNDLE = 10;
  private static final int STAYS_PER_CLIENT = 2;
  private static final int RESOURCES_PER_CLIENT = 1 + 2 * STAYS_PER_CLIENT;
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final long pid;
  private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  private int nextClient;

  ValidationLoadBench(String base, long pid) {
    this.base = base;
    this.pid = pid;
  }

  public static void main(String[] args) throws Exception {
    ValidationLoadBench bench = new ValidationLoadBench(args[0], Long.parseLong(args[1]));
    int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
    int threads = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    bench.run(perRound, rounds, warmup, threads);
  }

  void run(int perRound, int rounds, int warmup, int threads) throws Exception {
    System.out.printf("load: transaction Bundles of %d entries (%d clients: Patient, %d Encounters, %d Conditions),"
        + " %d threads posting%n", CLIENTS_PER_BUNDLE * RESOURCES_PER_CLIENT, CLIENTS_PER_BUNDLE, STAYS_PER_CLIENT,
        STAYS_PER_CLIENT, threads);
    checkModes();
    System.out.println("checks: an invalid client is refused (422) when it claims the profile and stored when"
        + " nothing claims one: validation is on and off as intended");

    load(warmup / 2, false, threads);
    Memory off = memory();
    System.out.printf("warm-up %d bundles without validation; %s%n", warmup / 2, off);
    load(warmup - warmup / 2, true, threads);
    Memory on = memory();
    System.out.printf("warm-up %d bundles with validation; %s%n", warmup - warmup / 2, on);

    List<Double> offRates = new ArrayList<>();
    List<Double> onRates = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      double withoutValidation = load(perRound, false, threads);
      double withValidation = load(perRound, true, threads);
      offRates.add(withoutValidation);
      onRates.add(withValidation);
      System.out.printf("round %d (%d resources each): validation off %.0f resources/s, on %.0f resources/s%n",
          round, perRound * CLIENTS_PER_BUNDLE * RESOURCES_PER_CLIENT, withoutValidation, withValidation);
    }
    double medianOff = median(offRates);
    double medianOn = median(onRates);
    Memory end = memory();
    System.out.printf("validation off: %.0f resources/s (median of %d rounds)%n", medianOff, rounds);
    System.out.printf("validation on:  %.0f resources/s (median of %d rounds)%n", medianOn, rounds);
    System.out.printf("slowdown: %.2fx%n", medianOff / medianOn);
    System.out.printf("memory: heap used after full GC %d MiB before any validation, %d MiB after validating"
        + " (%+d MiB), %d MiB at the end; RSS %d MiB, peak RSS %d MiB%n", off.heapMiB, on.heapMiB,
        on.heapMiB - off.heapMiB, end.heapMiB, end.rssMiB, end.peakRssMiB);
  }

  private void checkModes() throws Exception {
    String invalidOn = bundle(1, true).replaceFirst("\"gender\":\"(fe)?male\",", "");
    String invalidOff = bundle(1, false).replaceFirst("\"gender\":\"(fe)?male\",", "");
    HttpResponse<String> refused = send(invalidOn);
    if (refused.statusCode() != 422) {
      throw new IllegalStateException("mode on: a client without gender answered " + refused.statusCode()
          + " instead of 422; is validation enforced? " + refused.body());
    }
    HttpResponse<String> stored = send(invalidOff);
    if (stored.statusCode() != 200) {
      throw new IllegalStateException("mode off: a Patient without gender answered " + stored.statusCode()
          + "; does the server require a profile of every Patient? " + stored.body());
    }
  }

  /** Posts that many Bundles (built first, so the timed part measures the server); returns resources/s. */
  double load(int bundles, boolean profiled, int threads) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < bundles; i++) {
      bodies.add(bundle(CLIENTS_PER_BUNDLE, profiled));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (String body : bodies) {
      futures.add(pool.submit(() -> {
        HttpResponse<String> response = send(body);
        if (response.statusCode() != 200) {
          throw new IllegalStateException("transaction failed: " + response.statusCode() + " " + response.body());
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    long nanos = System.nanoTime() - start;
    pool.shutdown();
    return bundles * CLIENTS_PER_BUNDLE * RESOURCES_PER_CLIENT / (nanos / 1e9);
  }

  private String bundle(int clients, boolean profiled) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < clients; i++) {
      appendClient(entries, nextClient++, profiled);
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
  }

  /** One client as in the guide's examples (Patient-client, Encounter-hospitalization, Condition-diagnosis). */
  private void appendClient(StringBuilder entries, int c, boolean profiled) {
    String patient = "urn:uuid:" + UUID.randomUUID();
    String member = "IL" + runId + c;
    if (entries.length() > 0) {
      entries.append(',');
    }
    entries.append("""
        {"fullUrl":"%s","resource":{"resourceType":"Patient",%s
         "identifier":[{"type":{"coding":[{"system":"%s","code":"MB"}]},"system":"urn:oid:2.16.840.1.113883.4.927","value":"%s"},
                       {"type":{"coding":[{"system":"%s","code":"MR"}]},"system":"urn:oid:1.2.3.4.5.1","value":"MRN-%s"}],
         "name":[{"family":"Client%d","given":["Dana","M"]}],
         "telecom":[{"system":"phone","value":"555-01%04d","use":"mobile"}],
         "gender":"%s","birthDate":"%d-%02d-%02d",
         "address":[{"line":["%d Elm St"],"city":"Springfield","district":"Sangamon","state":"IL","postalCode":"62704"}],
         "communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en-US"}]}}]},
         "request":{"method":"POST","url":"Patient"}}"""
        .formatted(patient, meta(profiled, "client"), V2_0203, member, V2_0203, member, c, c % 10000,
            c % 2 == 0 ? "female" : "male", 1950 + c % 50, 1 + c % 12, 1 + c % 28, c % 1000));
    for (int stay = 0; stay < STAYS_PER_CLIENT; stay++) {
      String encounter = "urn:uuid:" + UUID.randomUUID();
      entries.append("""
          ,{"fullUrl":"%s","resource":{"resourceType":"Encounter",%s
           "identifier":[{"type":{"coding":[{"system":"%s","code":"VN"}]},"system":"urn:oid:1.2.3.4.5.2","value":"V-%s-%d"}],
           "status":"finished",
           "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP","display":"inpatient encounter"},
           "type":[{"coding":[{"system":"https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind","code":"psychiatric-inpatient","display":"Psychiatric inpatient stay"}]}],
           "subject":{"reference":"%s"},
           "period":{"start":"202%d-0%d-02T21:14:00-06:00","end":"202%d-0%d-11T10:30:00-06:00"},
           "hospitalization":{"dischargeDisposition":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/discharge-disposition","code":"home","display":"Home"}]}}},
           "request":{"method":"POST","url":"Encounter"}}"""
          .formatted(encounter, meta(profiled, "hospitalization"), V2_0203, member, stay, patient, stay + 3,
              stay + 1, stay + 3, stay + 1));
      entries.append("""
          ,{"resource":{"resourceType":"Condition",%s
           "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
           "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
           "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis","display":"Encounter Diagnosis"}]}],
           "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"%s"}]},
           "subject":{"reference":"%s"},"encounter":{"reference":"%s"},"recordedDate":"202%d-0%d-03"},
           "request":{"method":"POST","url":"Condition"}}"""
          .formatted(meta(profiled, "diagnosis"), DIAGNOSES[(c + stay) % DIAGNOSES.length], patient, encounter,
              stay + 3, stay + 1));
    }
  }

  private static String meta(boolean profiled, String profile) {
    return profiled ? "\"meta\":{\"profile\":[\"" + PROFILES + profile + "\"]}," : "";
  }

  private HttpResponse<String> send(String bundle) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Content-Type", "application/fhir+json").header("Prefer", "return=minimal")
        .timeout(Duration.ofMinutes(2))
        .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
  }

  record Memory(long heapMiB, long rssMiB, long peakRssMiB) {
    @Override
    public String toString() {
      return "heap used after full GC " + heapMiB + " MiB, RSS " + rssMiB + " MiB";
    }
  }

  /** The server's heap after a full GC (jcmd) and its resident set (/proc). */
  private Memory memory() throws Exception {
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    long heap = used.find() ? Long.parseLong(used.group(1)) >> 10 : -1;
    List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
    return new Memory(heap, kib(status, "VmRSS:") >> 10, kib(status, "VmHWM:") >> 10);
  }

  private String jcmd(String command) throws Exception {
    Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + output);
    }
    return output;
  }

  private static long kib(List<String> status, String field) {
    return status.stream().filter(line -> line.startsWith(field))
        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
