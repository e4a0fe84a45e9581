import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load rate of an EHR's ordinary bundles (run by bench/synthea.sh; needs only a JDK): Synthea's one-patient
 * transaction Bundles from the shared sample data, posted as they are, round after round. Each round gives every
 * patient a new id (the uuid in its identifiers and fullUrls), so each round writes new clients.
 *
 * <p>Usage: java SyntheaLoadBench.java BASE_URL BUNDLE_DIR [rounds=6] [threads=2]
 */
public class SyntheaLoadBench {
  private static final Pattern PATIENT_UUID = Pattern.compile("\"fullUrl\"\\s*:\\s*\"urn:uuid:([0-9a-f-]{36})\"");
  private static final Pattern RESOURCE = Pattern.compile("\"resource\"\\s*:");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    List<String> bundles = new ArrayList<>();
    try (var files = Files.list(Path.of(args[1]))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        bundles.add(Files.readString(file));
      }
    }
    int resources = bundles.stream().mapToInt(bundle -> (int) RESOURCE.matcher(bundle).results().count()).sum();
    System.out.printf("%d bundles, %d resources a round, %d thread(s)%n", bundles.size(), resources, threads);
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int round = 1; round <= rounds; round++) {
      long started = System.nanoTime();
      List<Future<Integer>> answers = new ArrayList<>();
      for (String bundle : bundles) {
        answers.add(pool.submit(() -> post(http, base, renamed(bundle))));
      }
      for (Future<Integer> answer : answers) {
        int status = answer.get();
        if (status != 200) {
          throw new IllegalStateException("a bundle was answered " + status);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("round %d%s: %.1f s, %.0f resources/s, %.2f bundles/s%n", round,
          round == 1 ? " (cold)" : "", seconds, resources / seconds, bundles.size() / seconds);
    }
    pool.shutdown();
  }

  /** The first fullUrl is the Patient's: its uuid is also its identifier, so a new one makes a new client. */
  private static String renamed(String bundle) {
    Matcher patient = PATIENT_UUID.matcher(bundle);
    return patient.find() ? bundle.replace(patient.group(1), UUID.randomUUID().toString()) : bundle;
  }

  private static int post(HttpClient http, String base, String bundle) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base))
        .header("Content-Type", "application/fhir+json")
        .header("Prefer", "return=minimal")
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString(bundle)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      System.err.println(response.body().substring(0, Math.min(800, response.body().length())));
    }
    return response.statusCode();
  }
}
