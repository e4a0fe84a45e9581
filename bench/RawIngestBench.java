import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Raw ingest of the same resources a feed has just written, on the same warm server (run at the end of
 * bench/ehr-pull.sh, bench/adt.sh and bench/claims.sh): reads clients back (their Patients, the Encounters and
 * Conditions about them and the Provenance of all of these), posts copies of them as new clients through the FHIR API
 * in transactions of the feed's unit (clients per transaction), some transactions at a time, and prints resources/s
 * and the feed's rate over it. Only the posting is timed.
 *
 * <p>A copy is created anew: no id or version, its profiles kept (so the server validates what claims a profile, as
 * the feed has it validated), its identifiers' values given the client's own suffix (so identity matching and
 * identifier uniqueness see a new person), and its references to other copies in the same transaction turned into
 * their {@code urn:uuid:} fullUrls; references to anything else stay as they are. Each Provenance is copied once, with
 * the first client it is found for, so the copies keep the feed's own mix: one per page in the EHR pull (its targets
 * outside the transaction stay pointing at the stored resources), one per message in the ADT feed, one per piece of
 * evidence in the claims feed.
 *
 * <p>With the unit {@code messages} (the ADT feed's: an A01, then its A03), each client takes two transactions, as
 * the feed's pair of messages does: its resources with the Encounter as admitted (in progress, no end, no discharge)
 * and all but the latest Provenance, then the Encounter as stored, a conditional update on its identifier (the feed
 * looks the stay up by it too), with the latest Provenance. The update is a write, not one more resource counted.
 *
 * <p>Usage: java -cp ROUTES_CLASSPATH bench/RawIngestBench.java FHIR_BASE FEED_RESOURCES_PER_SECOND [clients=2000]
 * [threads=1] [clientsPerTransaction=25] [unit=clients|messages]
 */
public class RawIngestBench {
  /**
   * Patients per page read: few enough that their Encounters, Conditions and Provenance stay well under the server's
   * cap on included resources per page (adapter.fhir.max-includes-per-page, 1000), which HAPI applies to
   * {@code _revinclude:iterate} before the page carries that many (see {@link #checkComplete}).
   */
  private static final int PAGE = 20;
  private static final Pattern CREATED = Pattern.compile("\"status\"\\s*:\\s*\"201");
  private static final Pattern UPDATED = Pattern.compile("\"status\"\\s*:\\s*\"200");

  private final FhirContext fhirContext = FhirContext.forR4Cached();
  private final IParser json = fhirContext.newJsonParser();
  private final FhirTerser terser = fhirContext.newTerser();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Integer> posted = new TreeMap<>();
  private int updates;
  private final String fhir;

  RawIngestBench(String fhir) {
    this.fhir = fhir;
  }

  public static void main(String[] args) throws Exception {
    String fhir = args[0];
    double feed = Double.parseDouble(args[1]);
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int perTransaction = args.length > 4 ? Integer.parseInt(args[4]) : 25;
    boolean messages = args.length > 5 && args[5].equals("messages");
    RawIngestBench bench = new RawIngestBench(fhir);
    List<List<Resource>> read = bench.read(clients);
    // Each unit's transactions are posted one after the other; units go side by side.
    List<List<String>> units = new ArrayList<>();
    for (int from = 0; from < read.size(); from += perTransaction) {
      List<List<Resource>> group = read.subList(from, Math.min(read.size(), from + perTransaction));
      if (messages) {
        // A message pair is one client's: each client of the group is a unit of its own.
        group.forEach(client -> units.add(bench.admissionThenDischarge(client)));
      } else {
        units.add(List.of(bench.transaction(group)));
      }
    }
    double seconds = bench.post(units, threads);
    int resources = bench.posted.values().stream().mapToInt(Integer::intValue).sum();
    double raw = resources / seconds;
    System.out.printf("raw ingest of the same resources (%,d clients: %,d resources, types %s; %d transactions at a"
            + " time, %d clients each): %.1f s = %,.0f resources/s%n", read.size(), resources,
        bench.posted.entrySet().stream().sorted(Comparator.comparing(type -> !type.getKey().equals("Patient")))
            .map(type -> type.getKey() + " " + String.format("%,d", type.getValue())).collect(Collectors.joining(", "))
            + (messages ? "; each client in two transactions, as an A01 and its A03" : ""),
        threads, perTransaction, seconds, raw);
    System.out.printf("feed / raw ingest of the same resources: %.2f (raw takes %.2fx the feed's time per resource)%n",
        feed / raw, feed / raw);
  }

  /**
   * Up to {@code clients} clients, each as its Patient, the Encounters and Conditions whose subject it is and the
   * Provenance of any of these not taken by an earlier client.
   */
  List<List<Resource>> read(int clients) throws Exception {
    List<List<Resource>> read = new ArrayList<>();
    Set<String> provenanceTaken = new HashSet<>();
    String next = fhir + "/Patient?_count=" + PAGE + "&_revinclude=Encounter:subject&_revinclude=Condition:subject"
        + "&_revinclude:iterate=Provenance:target";
    while (read.size() < clients && next != null) {
      Bundle page = json.parseResource(Bundle.class, get(next));
      Map<String, List<Resource>> bySubject = new HashMap<>();
      List<Provenance> provenance = new ArrayList<>();
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        Resource resource = entry.getResource();
        if (resource instanceof OperationOutcome outcome) {
          // The server's warning that includes were withheld: the clients read would lack part of their records.
          throw new IllegalStateException("the page " + next + " came with " + outcome.getIssueFirstRep()
              .getDiagnostics());
        } else if (resource instanceof Provenance trail) {
          provenance.add(trail);
        } else if (!(resource instanceof Patient) && resource.getNamedProperty("subject") != null
            && resource.getNamedProperty("subject").hasValues()) {
          Reference subject = (Reference) resource.getNamedProperty("subject").getValues().get(0);
          bySubject.computeIfAbsent(key(subject), k -> new ArrayList<>()).add(resource);
        }
      }
      checkComplete(next, bySubject, provenance);
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        if (entry.getResource() instanceof Patient patient && read.size() < clients) {
          List<Resource> client = new ArrayList<>(List.of(patient));
          client.addAll(bySubject.getOrDefault(key(patient), List.of()));
          Set<String> ids = client.stream().map(RawIngestBench::key).collect(Collectors.toSet());
          provenance.stream().filter(trail -> !provenanceTaken.contains(key(trail)))
              .filter(trail -> trail.getTarget().stream().anyMatch(target -> ids.contains(key(target))))
              .forEach(trail -> {
                provenanceTaken.add(key(trail));
                client.add(trail);
              });
          read.add(client);
        }
      }
      next = page.getLink(Bundle.LINK_NEXT) == null ? null : page.getLink(Bundle.LINK_NEXT).getUrl();
    }
    return read;
  }

  /**
   * The feeds give every Encounter and Condition they write a Provenance; one without it on the page means the
   * server cut the page's includes. HAPI cuts the iterated Provenance silently: pages of 200 ADT clients came with 300
   * of their 400 Provenance and 700 includes in all, under the 1000 at which the server warns.
   */
  private static void checkComplete(String url, Map<String, List<Resource>> bySubject, List<Provenance> provenance) {
    Set<String> targets = provenance.stream().flatMap(trail -> trail.getTarget().stream()).map(RawIngestBench::key)
        .collect(Collectors.toSet());
    bySubject.values().stream().flatMap(List::stream).map(RawIngestBench::key).filter(id -> !targets.contains(id))
        .findFirst().ifPresent(id -> {
          throw new IllegalStateException("the page " + url + " carries " + id + " without its Provenance: the"
              + " server cut the page's includes; read fewer Patients per page");
        });
  }

  /** One transaction posting copies of these clients' resources as new ones; counts them by type. */
  String transaction(List<List<Resource>> clients) {
    return json.encodeResourceToString(bundle(clients));
  }

  private Bundle bundle(List<List<Resource>> clients) {
    Map<String, String> urns = new HashMap<>();
    clients.forEach(client -> client.forEach(resource -> urns.put(key(resource), "urn:uuid:" + UUID.randomUUID())));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (List<Resource> client : clients) {
      String suffix = "R" + UUID.randomUUID().toString().substring(0, 8);
      for (Resource stored : client) {
        Resource copy = fresh(stored, suffix);
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(copy, Reference.class)) {
          String urn = reference.hasReference() ? urns.get(key(reference)) : null;
          if (urn != null) {
            reference.setReference(urn);
          }
        }
        transaction.addEntry().setFullUrl(urns.get(key(stored))).setResource(copy).getRequest()
            .setMethod(Bundle.HTTPVerb.POST).setUrl(copy.fhirType());
        posted.merge(copy.fhirType(), 1, Integer::sum);
      }
    }
    return transaction;
  }

  /**
   * One client's resources as its A01 and A03 would write them: the first transaction with the Encounter as admitted
   * and all but the latest Provenance, the second updating the Encounter to its stored state, with the latest.
   */
  List<String> admissionThenDischarge(List<Resource> client) {
    List<Provenance> trails = client.stream().filter(Provenance.class::isInstance).map(Provenance.class::cast)
        .sorted(Comparator.comparing(Provenance::getRecorded)).toList();
    Provenance discharge = trails.isEmpty() ? null : trails.get(trails.size() - 1);
    List<Resource> admission = new ArrayList<>(client);
    admission.remove(discharge);
    Bundle first = bundle(List.of(admission));
    Encounter admitted = first.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Encounter.class::isInstance).map(Encounter.class::cast).findFirst().orElseThrow();
    Encounter discharged = admitted.copy();
    admitted.setStatus(Encounter.EncounterStatus.INPROGRESS).setStatusHistory(null).getPeriod().setEndElement(null);
    admitted.getHospitalization().setDischargeDisposition(null);

    Bundle second = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String encounterUrn = "urn:uuid:" + UUID.randomUUID();
    Identifier visit = discharged.getIdentifierFirstRep();
    // The client is in the first transaction: found again by its identifier, as HAPI resolves a match URL.
    Identifier person = first.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow().getIdentifierFirstRep();
    discharged.getSubject().setReference("Patient?identifier=" + person.getSystem() + "|" + person.getValue());
    second.addEntry().setFullUrl(encounterUrn).setResource(discharged).getRequest().setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Encounter?identifier=" + visit.getSystem() + "|" + visit.getValue());
    updates++;
    if (discharge != null) {
      Provenance trail = (Provenance) fresh(discharge, "");
      trail.setTarget(List.of(new Reference(encounterUrn)));
      second.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(trail).getRequest()
          .setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");
      posted.merge("Provenance", 1, Integer::sum);
    }
    return List.of(json.encodeResourceToString(first), json.encodeResourceToString(second));
  }

  /** A copy to create anew: no id, version or source, its identifiers' values made new, its profiles kept. */
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

  /** Posts the transactions, {@code threads} at a time; returns the seconds they took. */
  double post(List<List<String>> units, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<List<String>>> answers = new ArrayList<>();
    for (List<String> unit : units) {
      answers.add(pool.submit(() -> {
        List<String> responses = new ArrayList<>();
        for (String transaction : unit) {
          responses.add(post(transaction));
        }
        return responses;
      }));
    }
    List<String> responses = new ArrayList<>();
    for (Future<List<String>> answer : answers) {
      responses.addAll(answer.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    // Every copy must have been created (a conditional match, 200, would mean the copies were not new people), and
    // every update made.
    long created = responses.stream().mapToLong(response -> CREATED.matcher(response).results().count()).sum();
    long updated = responses.stream().mapToLong(response -> UPDATED.matcher(response).results().count()).sum();
    int resources = posted.values().stream().mapToInt(Integer::intValue).sum();
    if (created != resources || updated != updates) {
      throw new IllegalStateException("posted " + resources + " resources and " + updates + " updates: " + created
          + " answered 201 Created, " + updated + " 200 OK");
    }
    return seconds;
  }

  private String post(String transaction) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fhir))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Content-Type", "application/fhir+json").header("Prefer", "return=minimal")
        .POST(HttpRequest.BodyPublishers.ofString(transaction)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("transaction answered " + response.statusCode() + ": "
          + response.body().substring(0, Math.min(2_000, response.body().length())));
    }
    return response.body();
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
        .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
          + response.body().substring(0, Math.min(2_000, response.body().length())));
    }
    return response.body();
  }

  /** {@code Type/id}, whatever the base or version a resource's id or a reference carries. */
  private static String key(Resource resource) {
    return resource.getIdElement().toUnqualifiedVersionless().getValue();
  }

  private static String key(Reference reference) {
    return reference.getReferenceElement().toUnqualifiedVersionless().getValue();
  }
}
