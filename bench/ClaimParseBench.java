import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casemgmt.routes.claims.ClaimReader;
import org.casemgmt.routes.claims.CsvClaimParser;
import org.casemgmt.routes.claims.ParsedClaim;
import org.casemgmt.routes.claims.X12ClaimParser;
import org.casemgmt.routes.claims.generator.ClaimFileFormat;
import org.casemgmt.routes.claims.generator.ClaimFileGenerator;
import org.casemgmt.routes.claims.generator.ClaimFileManifest;
import org.casemgmt.routes.claims.generator.ClaimFileRequest;

/**
 * Parse speed of the claims readers (run by bench/claims-parse.sh, which puts routes, its test classes and its
 * dependencies on the class path). Writes an 837I, an 837P and a CSV claim-line extract of N lines each with the
 * claim-file generator (20 lines a member, 20% psychiatric members, 1 in 200 ordinary claims malformed, 2%
 * adjustments, 5% denials in the CSV, 5,000 claims per transaction set), then reads each a few times and prints
 * claims/s, MB/s and the heap: the peak of the run (the readers stream, so it should not grow with N) and what stays
 * live after a full GC. Each read is checked against the generator's manifest.
 *
 * <p>Usage: java -cp ROUTES_CLASSPATH bench/ClaimParseBench.java [lines=400000] [rounds=3]
 */
public class ClaimParseBench {

  public static void main(String[] args) throws Exception {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 400_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("claims-bench");
    List<ClaimFileManifest> files = List.of(generate(dir, ClaimFileFormat.X12_837I, lines, "bench.837i"),
        generate(dir, ClaimFileFormat.X12_837P, lines, "bench.837p"),
        generate(dir, ClaimFileFormat.CSV, lines, "bench.csv"));
    for (int round = 1; round <= rounds; round++) {
      for (ClaimFileManifest manifest : files) {
        measure(String.format("%-8s round %d", manifest.format(), round), manifest);
      }
    }
    for (ClaimFileManifest manifest : files) {
      Files.delete(manifest.files().get(0));
    }
    Files.delete(dir);
  }

  private static ClaimFileManifest generate(Path dir, ClaimFileFormat format, long lines, String name)
      throws Exception {
    ClaimFileRequest request = ClaimFileRequest.of(format, (int) Math.max(1, lines / 20), lines, 42)
        .withMalformedShare(0.005).withAdjustmentShare(0.02).withDeniedShare(format == ClaimFileFormat.CSV ? 0.05 : 0);
    long start = System.nanoTime();
    ClaimFileManifest manifest = new ClaimFileGenerator(request).write(dir.resolve(name));
    System.out.printf("generated %s: %,d claims, %,d lines, %,d malformed, %,d MB in %.1f s%n", name,
        manifest.claims(), manifest.lines(), manifest.malformedClaims(), Files.size(manifest.files().get(0)) >> 20,
        (System.nanoTime() - start) / 1e9);
    return manifest;
  }

  private static void measure(String label, ClaimFileManifest manifest) throws Exception {
    Path file = manifest.files().get(0);
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    int accepted = 0;
    int rejected = 0;
    try (ClaimReader reader = manifest.format() == ClaimFileFormat.CSV ? new CsvClaimParser().open(file)
        : new X12ClaimParser().open(file)) {
      ParsedClaim item;
      while ((item = reader.next()) != null) {
        if (item.isAccepted()) {
          accepted++;
        } else {
          rejected++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    boolean asExpected = accepted == manifest.acceptedClaims() && rejected == manifest.malformedClaims();
    System.out.printf("%s: %,d claims + %,d rejections (%s) in %.2f s = %,.0f claims/s, %.1f MB/s; heap peak %,d MB"
            + " (sum of pool peaks), live after GC %,d MB, max %,d MB%n", label, accepted, rejected,
        asExpected ? "as the manifest says" : "MANIFEST SAYS " + manifest.acceptedClaims() + " + "
            + manifest.malformedClaims(), seconds, (accepted + rejected) / seconds,
        Files.size(file) / seconds / (1 << 20), peak >> 20, live >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }
}
