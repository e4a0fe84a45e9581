import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.routes.enrollment.EnrollmentReader;
import org.casemgmt.routes.enrollment.ParsedMember;
import org.casemgmt.routes.enrollment.X12EnrollmentParser;

/**
 * The enrollment feed under load (run by bench/enrollment.sh): reads the generated 834 with the parser alone
 * (parse-only members/s), then drops it into the service's inbox and polls its enrollment-file list until the job is
 * done, printing what the job recorded: members/s through the whole job (parse on its own thread, recording on the
 * client record) and the time spent recording. There is no staging step: members go straight to the client record.
 *
 * <p>Usage: java -cp ROUTES_CLASSPATH bench/EnrollmentLoadBench.java BASE_URL INBOX FILE
 */
public class EnrollmentLoadBench {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}\\]]*)");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path inbox = Path.of(args[1]);
    Path file = Path.of(args[2]);
    parseOnly(file);

    long started = System.nanoTime();
    Files.move(file, inbox.resolve(file.getFileName()));
    HttpClient http = HttpClient.newHttpClient();
    Map<String, String> job;
    long nextProgress = System.nanoTime() + 60_000_000_000L;
    while (true) {
      Thread.sleep(1000);
      job = fields(http.send(HttpRequest.newBuilder(URI.create(base + "/admin/enrollment/files"))
          .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      String status = job.getOrDefault("status", "RECEIVED");
      if (status.equals("FAILED")) {
        throw new IllegalStateException("the enrollment file job failed: " + job);
      }
      if (status.equals("COMPLETED")) {
        break;
      }
      if (System.nanoTime() > nextProgress && job.containsKey("itemsRead")) {
        nextProgress += 60_000_000_000L;
        System.out.printf("  ... %s members read after %.0f s%n", job.get("itemsRead"),
            (System.nanoTime() - started) / 1e9);
      }
    }
    double wall = (System.nanoTime() - started) / 1e9;
    long members = Long.parseLong(job.get("itemsRead"));
    long recordMillis = Long.parseLong(job.get("recordMillis"));
    long recordingMillis = Long.parseLong(job.get("recordingMillis"));
    System.out.printf("job: %,d members (%s recorded, %s rejected, %s refused; %s clients created, %s coverages"
            + " written) in %.1f s = %,d members/s%n", members, job.get("membersRecorded"), job.get("membersRejected"),
        job.get("membersRefused"), job.get("clientsCreated"), job.get("coveragesWritten"), recordMillis / 1000.0,
        members * 1000 / Math.max(1, recordMillis));
    System.out.printf("recording on the client record (identity, the FHIR transaction): %.1f s = %,d members/s;"
            + " staging: none; whole load (drop to done): %.1f s%n", recordingMillis / 1000.0,
        members * 1000 / Math.max(1, recordingMillis), wall);
  }

  private static void parseOnly(Path file) throws Exception {
    long start = System.nanoTime();
    long members = 0;
    long rejected = 0;
    try (EnrollmentReader reader = new X12EnrollmentParser("0F").open(file)) {
      for (ParsedMember item = reader.next(); item != null; item = reader.next()) {
        members++;
        rejected += item.isAccepted() ? 0 : 1;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("parse only, %s (%,d bytes): %,d members (%,d rejected) in %.1f s = %,d members/s%n",
        file.getFileName(), Files.size(file), members, rejected, seconds, Math.round(members / seconds));
  }

  /** The fields of the first (the only) file in the list; numbers and strings as text. */
  private static Map<String, String> fields(String json) {
    Map<String, String> fields = new HashMap<>();
    Matcher field = FIELD.matcher(json.split("\\},\\{")[0]);
    while (field.find()) {
      fields.put(field.group(1), field.group(2).replace("\"", ""));
    }
    return fields;
  }
}
