import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for the care-coordination workflow (run by bench/workflow.sh; needs only a JDK).
 *
 * <p>Each client goes through the first stages over the FHIR API: Patient, referral to case management, eligibility
 * screening, PHQ-9, functional assessment, and (the baseline) the PHQ-9's answers to a form the guide does not have,
 * which the server stores without checking or scoring. Every step is timed; the difference between the PHQ-9 and the
 * baseline is what checking the answers and scoring them in the same transaction costs.
 *
 * <p>Usage: java WorkflowLoadBench.java BASE_URL [clients=300] [threads=2] [warmupClients=100]
 */
public class WorkflowLoadBench {
  private static final String CANONICAL = "https://fhir.casemgmt-adapter.org";
  private static final String[] STEPS = {"patient", "referral", "screening", "phq-9", "functional", "baseline"};

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  private final String today = LocalDate.now().toString();
  private String agency;
  private String physician;

  WorkflowLoadBench(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    new WorkflowLoadBench(args[0]).run(clients, threads, warmup);
  }

  void run(int clients, int threads, int warmup) throws Exception {
    agency = post("Organization", "{\"resourceType\":\"Organization\",\"name\":\"Agency " + runId + "\"}");
    physician = post("Practitioner", "{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Referrer\"}]}");
    System.out.printf("workflow: %d clients after %d warm-up clients, %d threads; 6 writes a client%n",
        clients, warmup, threads);
    // One client alone first: HAPI registers each resource type in its own table on first use, and two requests
    // doing that at once on a fresh database collide (one gets a 500).
    load("F", 1, 1);
    load("W", warmup, threads);
    long started = System.nanoTime();
    Map<String, List<Long>> timings = load("M", clients, threads);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("clients/s %.1f (%.1f writes/s)%n", clients / seconds, clients * STEPS.length / seconds);
    timings.forEach((step, millis) -> System.out.printf("%-11s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", step,
        percentile(millis, 50), percentile(millis, 95), percentile(millis, 99)));
    System.out.printf("checking and scoring a PHQ-9 (p50 PHQ-9 - p50 baseline): %.1f ms%n",
        percentile(timings.get("phq-9"), 50) - percentile(timings.get("baseline"), 50));
  }

  private Map<String, List<Long>> load(String prefix, int clients, int threads) throws Exception {
    Map<String, List<Long>> timings = new LinkedHashMap<>();
    for (String step : STEPS) {
      timings.put(step, Collections.synchronizedList(new ArrayList<>()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int client = i;
      done.add(pool.submit(() -> {
        client(prefix + runId + client, timings);
        return null;
      }));
    }
    try {
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return timings;
  }

  private void client(String memberId, Map<String, List<Long>> timings) throws Exception {
    String patient = timed(timings, "patient", "Patient", """
        {"resourceType":"Patient","identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MB"}]},
         "system":"urn:oid:2.16.840.1.113883.4.927","value":"%s"}],"name":[{"family":"Bench","given":["Client"]}],
         "gender":"female","birthDate":"1980-01-01",
         "address":[{"city":"Springfield","district":"Sangamon","state":"IL","postalCode":"62704"}]}""".formatted(memberId));
    timed(timings, "referral", "ServiceRequest", """
        {"resourceType":"ServiceRequest","status":"active","intent":"order",
         "category":[{"coding":[{"system":"%1$s/CodeSystem/referral-type","code":"case-management"}]}],
         "code":{"coding":[{"system":"%1$s/CodeSystem/referral-type","code":"case-management"}]},
         "subject":{"reference":"%2$s"},"authoredOn":"%3$s","requester":{"reference":"%4$s"},
         "performer":[{"reference":"%5$s"}]}""".formatted(CANONICAL, patient, today, physician, agency));
    timed(timings, "screening", "QuestionnaireResponse", response("eligibility-screening", patient, """
        {"linkId":"diagnosis","item":[{"linkId":"diagnosis-reported","answer":[{"valueCoding":{"system":"%1$s/CodeSystem/eligibility-screening","code":"dx-bipolar"}}]}]},
        {"linkId":"living-situation","item":[{"linkId":"housing-situation","answer":[{"valueCoding":{"system":"%1$s/CodeSystem/eligibility-screening","code":"housing-at-risk"}}]}]},
        {"linkId":"residence","item":[{"linkId":"county","answer":[{"valueString":"Sangamon"}]},{"linkId":"state","answer":[{"valueString":"IL"}]}]},
        {"linkId":"coverage","item":[{"linkId":"insurance","answer":[{"valueCoding":{"system":"%1$s/CodeSystem/eligibility-screening","code":"insurance-medicaid"}}]}]}
        """.formatted(CANONICAL)));
    String phq9Items = phq9Items();
    timed(timings, "phq-9", "QuestionnaireResponse", response("phq-9", patient, phq9Items));
    timed(timings, "functional", "QuestionnaireResponse", response("functional-assessment", patient,
        functionalItems()));
    timed(timings, "baseline", "QuestionnaireResponse",
        response("phq-9", patient, phq9Items).replace(CANONICAL + "/Questionnaire/phq-9",
            "https://forms.example.org/Questionnaire/local-phq-9"));
  }

  private String response(String form, String patient, String items) {
    return """
        {"resourceType":"QuestionnaireResponse","questionnaire":"%s/Questionnaire/%s","status":"completed",
         "subject":{"reference":"%s"},"authored":"%sT10:00:00-06:00","item":[%s]}"""
        .formatted(CANONICAL, form, patient, today, items);
  }

  private static String phq9Items() {
    String[] items = {"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
        "44260-8"};
    String[] answers = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < items.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"linkId\":\"").append(items[i])
          .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
          .append(answers[(i * 7) % 4]).append("\"}}]}");
    }
    return json.toString();
  }

  private static String functionalItems() {
    String[] domains = {"housing-stability", "income-employment", "self-care", "social-supports",
        "medication-management", "community-living", "physical-health", "safety"};
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < domains.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"linkId\":\"").append(domains[i])
          .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"").append(CANONICAL)
          .append("/CodeSystem/functional-assessment\",\"code\":\"rating-").append(i % 5 + 1).append("\"}}]}");
    }
    return json.toString();
  }

  private String timed(Map<String, List<Long>> timings, String step, String type, String json) throws Exception {
    long start = System.nanoTime();
    String id = post(type, json);
    timings.get(step).add(System.nanoTime() - start);
    return id;
  }

  private String post(String type, String json) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/" + type))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Content-Type", "application/fhir+json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(type + " answered " + response.statusCode() + ": " + response.body());
    }
    String location = response.headers().firstValue("Location").orElseThrow();
    Matcher id = Pattern.compile("/fhir/([A-Za-z]+/[^/]+)").matcher(location);
    if (!id.find()) {
      throw new IllegalStateException("no id in " + location);
    }
    return id.group(1);
  }

  private static double percentile(List<Long> nanos, int percentile) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
