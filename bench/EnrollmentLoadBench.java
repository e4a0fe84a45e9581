import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.routes.enrollment.EnrollmentReader;
import org.casemgmt.routes.enrollment.ParsedMember;
import org.casemgmt.routes.enrollment.X12EnrollmentParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The enrollment feed under load (run by bench/enrollment.sh): reads the generated 834 with the parser alone
 * (parse-only members/s), then drops it into the service's inbox and polls its enrollment-file list until the job is
 * done, printing what the job recorded: members/s through the whole job (parse on its own thread, recording on the
 * client record) and the time spent recording. There is no staging step: members go straight to the client record.
 * Then raw ingest of the same resources on the same, now warm, server: the Patients, Coverages and Provenance the job
 * wrote, read back and posted again as new members (new identifiers, urn:uuid references) in FHIR transactions of
 * 100 members, as many at once as the job has writers; the feed's members/s over raw ingest's is the ratio.
 *
 * <p>Usage: java -cp ROUTES_CLASSPATH bench/EnrollmentLoadBench.java BASE_URL INBOX FILE [WRITERS] [RAW_MEMBERS]
 */
public class EnrollmentLoadBench {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}\\]]*)");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path inbox = Path.of(args[1]);
    Path file = Path.of(args[2]);
    int writers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int rawMembers = args.length > 4 ? Integer.parseInt(args[4]) : 5_000;
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
    System.out.printf("recording on the client record (identity, the FHIR transaction), the writers' times added"
            + " up: %.1f s = %,d members/s per writer; staging: none; whole load (drop to done): %.1f s%n",
        recordingMillis / 1000.0, members * 1000 / Math.max(1, recordingMillis), wall);
    double feed = members * 1000.0 / Math.max(1, recordMillis);
    double raw = rawIngest(http, base + "/fhir", Math.min(rawMembers, (int) members), writers);
    System.out.printf("feed / raw ingest of the same resources: %.2f (raw takes %.2fx the feed's time per member)%n",
        feed / raw, feed / raw);
  }

  /** Posts the members the job wrote again as new ones, 100 per transaction; returns members/s. */
  private static double rawIngest(HttpClient http, String fhir, int members, int threads) throws Exception {
    IParser json = FhirContext.forR4Cached().newJsonParser();
    List<String> bundles = new ArrayList<>();
    String next = fhir + "/Coverage?_count=100&_include=Coverage:beneficiary&_revinclude=Provenance:target";
    int read = 0;
    while (read < members && next != null) {
      Bundle page = json.parseResource(Bundle.class, get(http, next));
      Map<String, Resource> byId = new HashMap<>();
      page.getEntry().forEach(entry -> byId.put(entry.getResource().getIdElement().toUnqualifiedVersionless()
          .getValue(), entry.getResource()));
      Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        if (entry.getResource() instanceof Coverage coverage && read < members) {
          read++;
          Patient patient = (Patient) byId.get(coverage.getBeneficiary().getReference());
          Provenance provenance = page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
              .filter(Provenance.class::isInstance).map(Provenance.class::cast).filter(p -> p.getTarget().stream()
                  .anyMatch(t -> t.getReference().startsWith("Coverage/" + coverage.getIdPart())))
              .findFirst().orElseThrow();
          String suffix = "R" + UUID.randomUUID().toString().substring(0, 8);
          String patientUrn = add(transaction, fresh(patient, suffix));
          Coverage copy = (Coverage) fresh(coverage, suffix);
          copy.setSubscriberId(coverage.getSubscriberId() + suffix).setBeneficiary(new Reference(patientUrn));
          String coverageUrn = add(transaction, copy);
          Provenance trail = (Provenance) fresh(provenance, suffix);
          trail.setTarget(List.of(new Reference(patientUrn), new Reference(coverageUrn)));
          add(transaction, trail);
        }
      }
      bundles.add(json.encodeResourceToString(transaction));
      next = page.getLink(Bundle.LINK_NEXT) == null ? null : page.getLink(Bundle.LINK_NEXT).getUrl();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> posted = new ArrayList<>();
    for (String bundle : bundles) {
      posted.add(pool.submit(() -> post(http, fhir, bundle)));
    }
    for (Future<?> done : posted) {
      done.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf("raw ingest of the same resources (%,d members: Patient, Coverage, Provenance; %d transactions"
        + " at a time): %.1f s = %,.0f members/s, %,.0f resources/s%n", read, threads, seconds, read / seconds,
        3 * read / seconds);
    return read / seconds;
  }

  /** A copy to create anew: no id or version, its identifiers' values made new, its profiles kept. */
  private static Resource fresh(Resource stored, String suffix) {
    Resource copy = stored.copy();
    copy.setId((String) null);
    copy.getMeta().setVersionId(null).setLastUpdated(null).setSource(null);
    if (copy.getNamedProperty("identifier") != null) {
      copy.getNamedProperty("identifier").getValues().forEach(id -> ((Identifier) id)
          .setValue(((Identifier) id).getValue() + suffix));
    }
    return copy;
  }

  private static String add(Bundle transaction, Resource resource) {
    String urn = "urn:uuid:" + UUID.randomUUID();
    transaction.addEntry().setFullUrl(urn).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST)
        .setUrl(resource.fhirType());
    return urn;
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static Void post(HttpClient http, String fhir, String bundle) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fhir))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Content-Type", "application/fhir+json").header("Prefer", "return=minimal")
        .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("transaction failed: " + response.statusCode() + " " + response.body());
    }
    return null;
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
