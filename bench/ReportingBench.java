import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting benchmark (run by bench/reporting.sh; needs only a JDK), in steps the script runs against one store:
 * <ul>
 *   <li>{@code load}: clients in transactions of 100, each a Patient, a psychiatric inpatient stay discharged in 2025
 *       with its diagnosis, Medicaid coverage and, for 3 clients in 5, a follow-up visit 3 days after discharge; and
 *       DocumentReferences carrying large attachments (what exhausts an export that buffers by resource count);</li>
 *   <li>{@code measure}: FUH over 2025 ({@code Measure/fuh/$evaluate-measure}, a summary): time and counts;</li>
 *   <li>{@code export}: a system {@code $export} of those types, polled to completion, then every file downloaded:
 *       export time, bytes, MB/s and download MB/s.</li>
 * </ul>
 * Usage: java ReportingBench.java load BASE_URL [clients=100000] [attachments=20] [attachmentMiB=4]
 *        java ReportingBench.java measure|export BASE_URL
 */
public class ReportingBench {
  private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern COUNT = Pattern.compile("\"type\"\\s*:\\s*\"([A-Za-z]+)\"[^}]*\"count\"\\s*:\\s*(\\d+)");
  private static final Pattern LOCATION = Pattern.compile("\"location\"\\s*:\\s*\"(Patient/[^/\"]+)");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token = System.getenv("BENCH_TOKEN");

  ReportingBench(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    ReportingBench bench = new ReportingBench(args[1]);
    if (args[0].equals("load")) {
      bench.load(args.length > 2 ? Integer.parseInt(args[2]) : 100_000, args.length > 3 ? Integer.parseInt(args[3]) : 20,
          args.length > 4 ? Integer.parseInt(args[4]) : 4);
    } else if (args[0].equals("measure")) {
      bench.measure();
    } else {
      bench.export();
    }
  }

  void load(int clients, int attachments, int mib) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<String>> answers = new ArrayList<>();
    for (int first = 0; first < clients; first += 100) {
      int from = first;
      answers.add(pool.submit(() -> post("", bundle(from, Math.min(clients, from + 100)))));
    }
    List<String> patients = new ArrayList<>();
    for (Future<String> answer : answers) {
      Matcher location = LOCATION.matcher(answer.get());
      while (location.find()) {
        patients.add(location.group(1));
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    int resources = clients * 4 + (clients * 3 + 4) / 5;
    System.out.printf("loaded %d clients (%d resources) in %.0f s: %.0f resources/s%n", clients, resources, seconds,
        resources / seconds);
    byte[] data = new byte[mib << 20];
    new Random(7).nextBytes(data);
    String encoded = Base64.getEncoder().encodeToString(data);
    for (int i = 0; i < attachments; i++) {
      post("/DocumentReference", """
          {"resourceType":"DocumentReference","status":"current","subject":{"reference":"%s"},
           "type":{"text":"Scanned psychiatric discharge summary"},
           "content":[{"attachment":{"contentType":"application/pdf","title":"discharge-%d.pdf","data":"%s"}}]}"""
          .formatted(patients.get(i % patients.size()), i, encoded));
    }
    System.out.printf("loaded %d DocumentReferences of %d MiB each%n", attachments, mib);
  }

  void measure() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> report = send(HttpRequest.newBuilder(URI.create(base
        + "/Measure/fuh/$evaluate-measure?periodStart=2025&periodEnd=2025")).GET());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (report.statusCode() != 200) {
      throw new IllegalStateException("$evaluate-measure answered " + report.statusCode() + " " + report.body());
    }
    Matcher counts = Pattern.compile("\"code\":\"(initial-population|denominator|numerator)\"}]},\"count\":(\\d+)")
        .matcher(report.body());
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < 6 && counts.find(); i++) {
      found.append(i == 3 ? "; 30-day " : i == 0 ? "7-day " : ", ").append(counts.group(1)).append(' ')
          .append(counts.group(2));
    }
    System.out.printf("FUH over 2025: %.1f s (%s)%n", seconds, found);
  }

  void export() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> kickOff = send(HttpRequest.newBuilder(URI.create(base
        + "/$export?_type=Patient,Encounter,Condition,DocumentReference")).header("Prefer", "respond-async").GET());
    if (kickOff.statusCode() != 202) {
      throw new IllegalStateException("kick-off answered " + kickOff.statusCode() + " " + kickOff.body());
    }
    String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
    HttpResponse<String> poll;
    do {
      Thread.sleep(500);
      poll = send(HttpRequest.newBuilder(URI.create(status)).GET());
    } while (poll.statusCode() == 202);
    if (poll.statusCode() != 200) {
      throw new IllegalStateException("export answered " + poll.statusCode() + " " + poll.body());
    }
    double exportSeconds = (System.nanoTime() - start) / 1e9;
    Matcher counts = COUNT.matcher(poll.body());
    StringBuilder perType = new StringBuilder();
    long resources = 0;
    while (counts.find()) {
      resources += Long.parseLong(counts.group(2));
      perType.append(' ').append(counts.group(1)).append('=').append(counts.group(2));
    }
    long downloadStart = System.nanoTime();
    long bytes = 0;
    int files = 0;
    Matcher url = URL.matcher(poll.body());
    while (url.find()) {
      HttpResponse<java.io.InputStream> file = http.send(HttpRequest.newBuilder(URI.create(url.group(1)))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      try (var in = file.body()) {
        bytes += in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      files++;
    }
    double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
    System.out.printf("export: %d resources in %d files (%s), %.1f MB, %.1f s from kick-off to manifest: %.1f MB/s,"
            + " %.0f resources/s; download %.1f s: %.1f MB/s%n", resources, files, perType.toString().trim(),
        bytes / 1e6, exportSeconds, bytes / 1e6 / exportSeconds, resources / exportSeconds, downloadSeconds,
        bytes / 1e6 / downloadSeconds);
  }

  private static String bundle(int from, int to) {
    StringBuilder entries = new StringBuilder();
    for (int c = from; c < to; c++) {
      String patient = "urn:uuid:" + java.util.UUID.randomUUID();
      String stay = "urn:uuid:" + java.util.UUID.randomUUID();
      entries.append(entries.length() == 0 ? "" : ",").append("""
          {"fullUrl":"%s","resource":{"resourceType":"Patient",
           "identifier":[{"system":"urn:oid:2.16.840.1.113883.4.927","value":"EXP%08d"}],
           "name":[{"family":"Client%d","given":["Alex"]}],"gender":"%s","birthDate":"%d-%02d-%02d",
           "address":[{"line":["%d Main St"],"city":"Springfield","state":"IL","postalCode":"62701"}]},
           "request":{"method":"POST","url":"Patient"}},
          {"fullUrl":"%s","resource":{"resourceType":"Encounter","status":"finished",
           "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
           "type":[{"coding":[{"system":"https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind",
                               "code":"psychiatric-inpatient"}]}],
           "subject":{"reference":"%s"},"period":{"start":"2025-03-03T10:00:00Z","end":"2025-03-12T15:00:00Z"}},
           "request":{"method":"POST","url":"Encounter"}},
          {"resource":{"resourceType":"Condition",
           "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"F20.9"}]},
           "subject":{"reference":"%s"},"encounter":{"reference":"%s"}},
           "request":{"method":"POST","url":"Condition"}},
          {"resource":{"resourceType":"Coverage","status":"active",
           "type":{"coding":[{"system":"https://nahdo.org/sopt","code":"2"}]},
           "beneficiary":{"reference":"%s"},"payor":[{"display":"Illinois Medicaid"}],
           "period":{"start":"2024-01-01"}},
           "request":{"method":"POST","url":"Coverage"}}""".formatted(patient, c, c, c % 2 == 0 ? "female" : "male",
          1950 + c % 50, 1 + c % 12, 1 + c % 28, c % 10000, stay, patient, patient, stay, patient));
      if (c % 5 < 3) {
        entries.append("""
            ,{"resource":{"resourceType":"Encounter","status":"finished",
             "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
             "subject":{"reference":"%s"},"period":{"start":"2025-03-15T10:00:00Z","end":"2025-03-15T11:00:00Z"}},
             "request":{"method":"POST","url":"Encounter"}}""".formatted(patient));
      }
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
  }

  private String post(String path, String body) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() >= 300) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
