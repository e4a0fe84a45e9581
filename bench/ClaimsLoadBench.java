import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.routes.claims.ClaimReader;
import org.casemgmt.routes.claims.CsvClaimParser;
import org.casemgmt.routes.claims.ParsedClaim;
import org.casemgmt.routes.claims.X12ClaimParser;

/**
 * The claims feed under load (run by bench/claims.sh): reads the generated files with the parsers alone (parse-only
 * lines/s), then drops them into the service's inbox and polls its claim-file list until every job is done, printing
 * the staging and evidence-derivation figures each job recorded. Writes the total staging time in milliseconds to
 * stage.ms beside the inbox, for the COPY comparison, and the evidence step's time to evidence.ms, for the feed's
 * resources/s that raw ingest of the same resources is compared with. With STAGE_ONLY set it stops once staging is
 * done.
 *
 * <p>Usage: java -cp ROUTES_CLASSPATH bench/ClaimsLoadBench.java BASE_URL INBOX FILE...
 */
public class ClaimsLoadBench {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}]*)");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path inbox = Path.of(args[1]);
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    for (Path file : files) {
      parseOnly(file);
    }
    long started = System.nanoTime();
    for (Path file : files) {
      Files.move(file, inbox.resolve(file.getFileName()));
    }
    HttpClient http = HttpClient.newHttpClient();
    List<Map<String, String>> done;
    while (true) {
      Thread.sleep(1000);
      String body = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/claims/files"))
          .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      List<Map<String, String>> jobs = objects(body);
      if (jobs.stream().anyMatch(job -> "FAILED".equals(job.get("status")))) {
        throw new IllegalStateException("a claim file job failed: " + body);
      }
      // STAGE_ONLY: the staging figures are all that is wanted (comparing staging methods), not the derivation.
      boolean staged = jobs.stream().allMatch(job -> Long.parseLong(job.get("members")) > 0);
      if (jobs.size() == files.size() && (staged && System.getenv("STAGE_ONLY") != null
          || jobs.stream().allMatch(job -> "COMPLETED".equals(job.get("status"))))) {
        done = jobs;
        break;
      }
    }
    double wall = (System.nanoTime() - started) / 1e9;
    long stageMillis = 0;
    long deriveMillis = 0;
    long lines = 0;
    for (Map<String, String> job : done) {
      long stage = Long.parseLong(job.get("stageMillis"));
      long derive = Long.parseLong(job.get("deriveMillis"));
      stageMillis += stage;
      deriveMillis += derive;
      lines += Long.parseLong(job.get("linesStaged"));
      System.out.printf("%s: %s claims (%s lines) staged in %.1f s = %s lines/s; %s rejected;"
              + " evidence for %s members (%s changed, %s Encounters and Conditions written, %s refused) in %.1f s:"
              + " the writers' times added up: deriving %.1f s, recording on the client record %.1f s%n",
          job.get("name"), job.get("claimsStaged"), job.get("linesStaged"), stage / 1000.0, job.get("linesPerSecond"),
          job.get("claimsRejected"), job.get("members"), job.get("membersChanged"), job.get("evidenceWritten"),
          job.get("membersRefused"), derive / 1000.0, Long.parseLong(job.get("derivingMillis")) / 1000.0,
          Long.parseLong(job.get("recordingMillis")) / 1000.0);
    }
    System.out.printf("parse + stage: %,d lines in %.1f s = %,d lines/s; evidence derivation: %.1f s;"
        + " whole load (drop to done): %.1f s%n", lines, stageMillis / 1000.0, lines * 1000 / Math.max(1, stageMillis),
        deriveMillis / 1000.0, wall);
    Files.writeString(inbox.resolveSibling("stage.ms"), String.valueOf(stageMillis));
    Files.writeString(inbox.resolveSibling("evidence.ms"), String.valueOf(deriveMillis));
  }

  private static void parseOnly(Path file) throws Exception {
    long start = System.nanoTime();
    long claims = 0;
    long lines = 0;
    try (ClaimReader reader = file.toString().endsWith(".csv") ? new CsvClaimParser().open(file)
        : new X12ClaimParser().open(file)) {
      for (ParsedClaim item = reader.next(); item != null; item = reader.next()) {
        if (item.isAccepted()) {
          claims++;
          lines += item.claim().lines().size();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("parse only, %s: %,d claims, %,d lines in %.1f s = %,d lines/s%n", file.getFileName(), claims,
        lines, seconds, Math.round(lines / seconds));
  }

  /** The flat objects of a JSON array, field by field (numbers and strings as text). */
  private static List<Map<String, String>> objects(String json) {
    List<Map<String, String>> objects = new ArrayList<>();
    for (String object : json.split("\\},\\{")) {
      Map<String, String> fields = new HashMap<>();
      Matcher field = FIELD.matcher(object);
      while (field.find()) {
        fields.put(field.group(1), field.group(2).replace("\"", ""));
      }
      if (!fields.isEmpty()) {
        objects.add(fields);
      }
    }
    return objects;
  }
}
