import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for the ADT feed (run by bench/adt.sh; needs only a JDK).
 *
 * <p>Each pair is an A01 admit and its A03 discharge for a new client (an MRN and a Medicaid ID of its own) on a
 * psychiatric unit, with a diagnosis; every message therefore matches or creates a Patient, writes an Encounter, a
 * Condition and a Provenance, and is acknowledged only after its transaction commits. The connections send like real
 * interfaces do: one message, wait for its ACK, the next. Latency is measured from the first byte sent to the ACK
 * read. A warm-up run first lets the JIT compile the write path; its figures are printed too (cold start).
 *
 * <p>Several nodes (MLLP_PORTS given as {@code port,port}): the warm-up is spread over them all, then the measured
 * pairs are sent to the first node alone and then, as many again, spread over them all, so that both figures come
 * after the same warm-up.
 *
 * <p>The feed's rate in resources/s, for raw ingest of the same resources to be compared with (bench/adt.sh, then
 * bench/RawIngestBench.java): the resources stored per pair (Patients, Encounters, Conditions and Provenance over all
 * the pairs sent, warm-up included) times the measured pairs/s; written to the file FEED_RATE_FILE names, if set.
 *
 * <p>Usage: java AdtLoadBench.java MLLP_PORTS FHIR_BASE [pairs=10000] [connections=4] [warmupPairs=1000]
 */
public class AdtLoadBench {
  private static final Pattern NEXT =
      Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");

  private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  public static void main(String[] args) throws Exception {
    List<Integer> ports = Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList();
    String fhir = args[1];
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int connections = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
    AdtLoadBench bench = new AdtLoadBench();
    // The first pair alone, as a hospital's first messages after a restart would arrive.
    List<Long> first = bench.send(ports.get(0), 0, 1);
    System.out.printf("first messages after readiness: A01 acknowledged in %.0f ms, its A03 in %.0f ms%n",
        first.get(0) / 1e6, first.get(1) / 1e6);
    bench.run("warm-up (cold JIT)", ports, 1, warmup, connections);
    int sent = 1 + warmup;
    if (ports.size() > 1) {
      bench.run("measured, first node alone", ports.subList(0, 1), sent, pairs, connections);
      sent += pairs;
    }
    double seconds = bench.run(ports.size() > 1 ? "measured, " + ports.size() + " nodes" : "measured", ports, sent,
        pairs, connections);
    sent += pairs;
    long encounters = count(fhir + "/Encounter?status=finished");
    long patients = count(fhir + "/Patient");
    System.out.printf("stored: %d finished Encounters, %d Patients (expected %d of each)%n",
        encounters, patients, sent);
    if (encounters != sent || patients != sent) {
      throw new IllegalStateException("the store does not hold what was acknowledged");
    }
    if (System.getenv("FEED_RATE_FILE") != null) {
      long stored = patients + count(fhir + "/Encounter") + count(fhir + "/Condition") + count(fhir + "/Provenance");
      double rate = (double) stored / sent * pairs / seconds;
      System.out.printf("stored %d resources (Patient, Encounter, Condition, Provenance), %.2f per pair: the measured"
          + " pairs stored %.1f resources/s%n", stored, (double) stored / sent, rate);
      Files.writeString(Path.of(System.getenv("FEED_RATE_FILE")), String.valueOf(rate));
    }
  }

  /** The pairs over the connections, connection c sending to port c mod the number of ports; returns the seconds. */
  double run(String label, List<Integer> ports, int firstPair, int pairs, int connections) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<List<Long>>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int from = firstPair + pairs * c / connections;
      int to = firstPair + pairs * (c + 1) / connections;
      int port = ports.get(c % ports.size());
      results.add(pool.submit(() -> send(port, from, to)));
    }
    List<Long> latencies = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      latencies.addAll(result.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(latencies);
    System.out.printf("%s: %d messages (%d A01/A03 pairs) over %d connections in %.1f s: %.0f messages/s;"
            + " ACK latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        label, latencies.size(), pairs, connections, seconds, latencies.size() / seconds,
        percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
    return seconds;
  }

  /** One sending interface: pairs [from, to) in order, each message waiting for its ACK. */
  List<Long> send(int port, int from, int to) throws IOException {
    List<Long> latencies = new ArrayList<>();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = from; i < to; i++) {
        for (String event : new String[] {"A01", "A03"}) {
          byte[] message = message(event, i).getBytes(StandardCharsets.UTF_8);
          long sent = System.nanoTime();
          out.write(0x0b);
          out.write(message);
          out.write(new byte[] {0x1c, 0x0d});
          out.flush();
          String ack = readFrame(in);
          latencies.add(System.nanoTime() - sent);
          if (!ack.contains("MSA|AA|")) {
            throw new IllegalStateException("not accepted: " + ack.replace('\r', '\n'));
          }
        }
      }
    }
    return latencies;
  }

  private String message(String event, int pair) {
    String id = runId + pair;
    boolean discharge = event.equals("A03");
    String sent = discharge ? "20260310120000-0600" : "20260301083000-0600";
    return String.join("\r",
        "MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|AGENCY|" + sent + "||ADT^" + event + "^ADT_A01|" + id + event
            + "|P|2.5.1",
        "EVN|" + event + "|" + sent,
        "PID|1||M" + id + "^^^NORTHSIDE^MR~B" + id + "^^^MEDICAID^MA||Rivera^Dana^M||19860517|F|||"
            + "12 Elm St^^Springfield^IL^62704^USA^H^^Sangamon||^PRN^PH^^^217^5550142",
        "PV1|1|I|5EAST^501^A|||||||PSY|||||||||V" + id + "|".repeat(17) + (discharge ? "01" : "")
            + "|".repeat(8) + "20260301080000-0600|" + (discharge ? "20260310113000-0600" : ""),
        "DG1|1||F25.0^Schizoaffective disorder, bipolar type^I10||20260301|A") + "\r";
  }

  private static String readFrame(InputStream in) throws IOException {
    int b = in.read();
    while (b != 0x0b) {
      if (b < 0) {
        throw new IOException("connection closed before an acknowledgement");
      }
      b = in.read();
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    for (b = in.read(); b != 0x1c; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed inside an acknowledgement");
      }
      frame.write(b);
    }
    in.read();
    return frame.toString(StandardCharsets.UTF_8);
  }

  private static double percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
  }

  /**
   * The resources a search finds, counted page by page: the service answers no {@code _summary=count} (a count would
   * include records the caller may not see), so the pages' entries are counted.
   */
  private static long count(String url) throws Exception {
    long count = 0;
    String next = url + (url.contains("?") ? "&" : "?") + "_elements=id&_count=1000";
    while (next != null) {
      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(next))
              .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
              .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString()).body();
      count += body.split("\"fullUrl\"", -1).length - 1;
      Matcher link = NEXT.matcher(body);
      next = link.find() ? link.group(1) : null;
    }
    return count;
  }
}
