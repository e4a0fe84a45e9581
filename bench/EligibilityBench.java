import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eligibility under load (run by bench/eligibility.sh, once the claims are loaded): a population run of every client
 * under a program, twice (the second finds every determination current and writes nothing), then single-client
 * {@code $evaluate-eligibility} latency over a sample of clients, first on a new date (each call records a new
 * version) and again on that date (each call finds its determination current).
 *
 * <p>Usage: java bench/EligibilityBench.java BASE_URL PROGRAM DATE SINGLE_DATE SAMPLE
 */
public class EligibilityBench {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}\\{]*)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String program = args[1];
    String date = args[2];
    String singleDate = args[3];
    int sample = Integer.parseInt(args[4]);

    populationRun(base, program, date, "first population run (every determination new)");
    populationRun(base, program, date, "second population run, same day (every determination current)");

    List<String> clients = clientIds(base);
    Collections.shuffle(clients, new Random(1));
    List<String> sampled = clients.subList(0, Math.min(sample, clients.size()));
    // Warm-up on other clients: the JIT and the connection pool, not the figures.
    clients.subList(sampled.size(), Math.min(clients.size(), sampled.size() + 100))
        .forEach(client -> evaluate(base, client, program, singleDate));
    latencies("$evaluate-eligibility, new date (records a new version)", base, sampled, program, singleDate);
    latencies("$evaluate-eligibility, same date again (determination current)", base, sampled, program, singleDate);
  }

  private static void populationRun(String base, String program, String date, String what) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
        + "/admin/eligibility/runs?program=" + program + "&date=" + date))
            .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("population run refused: " + response.body());
    }
    String status = response.headers().firstValue("Location").orElseThrow();
    String body;
    do {
      Thread.sleep(500);
      body = get(base + status);
    } while (field(body, "ended").equals("null"));
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%s: %s in %.1f s; %s clients read, %s evaluated, %s written, %s failed; %.0f clients/s;"
            + " outcomes %s%n", what, field(body, "status"), seconds, field(body, "clients"),
        field(body, "evaluated"), field(body, "written"), field(body, "failed"),
        Long.parseLong(field(body, "clients")) / seconds, body.replaceAll(".*\"outcomes\":(\\{[^}]*}).*", "$1"));
  }

  private static void latencies(String what, String base, List<String> clients, String program, String date) {
    long[] millis = new long[clients.size()];
    for (int i = 0; i < clients.size(); i++) {
      long started = System.nanoTime();
      evaluate(base, clients.get(i), program, date);
      millis[i] = (System.nanoTime() - started) / 1_000;
    }
    Arrays.sort(millis);
    System.out.printf("%s, %d clients one after another: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what, clients.size(), millis[millis.length / 2] / 1000.0, millis[(int) (millis.length * 0.95)] / 1000.0,
        millis[(int) (millis.length * 0.99)] / 1000.0, millis[millis.length - 1] / 1000.0);
  }

  private static void evaluate(String base, String client, String program, String date) {
    String parameters = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"program\",\"valueCode\":\""
        + program + "\"},{\"name\":\"date\",\"valueDate\":\"" + date + "\"}]}";
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/fhir/Patient/" + client
              + "/$evaluate-eligibility"))
                  .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN")).header("Content-Type", "application/fhir+json")
          .POST(HttpRequest.BodyPublishers.ofString(parameters)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Patient/" + client + ": " + response.statusCode());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every client's id, following the search's pages. */
  private static List<String> clientIds(String base) throws Exception {
    List<String> ids = new ArrayList<>();
    String next = base + "/fhir/Patient?_elements=id&_count=1000";
    Pattern id = Pattern.compile("\"resource\":\\{\"resourceType\":\"Patient\",\"id\":\"([^\"]+)\"");
    Pattern nextLink = Pattern.compile("\"relation\":\"next\",\"url\":\"([^\"]+)\"");
    while (next != null) {
      String page = get(next);
      Matcher found = id.matcher(page);
      while (found.find()) {
        ids.add(found.group(1));
      }
      Matcher link = nextLink.matcher(page);
      next = link.find() ? link.group(1) : null;
    }
    return ids;
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN")).header("Accept", "application/fhir+json").build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String field(String json, String name) {
    Matcher field = FIELD.matcher(json);
    while (field.find()) {
      if (field.group(1).equals(name)) {
        return field.group(2).replace("\"", "");
      }
    }
    throw new IllegalStateException("no " + name + " in " + json);
  }
}
