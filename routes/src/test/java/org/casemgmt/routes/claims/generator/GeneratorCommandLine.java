package org.casemgmt.routes.claims.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The generator's command line, for shell benchmarks: writes the files and the manifest beside them. The generator
 * needs nothing but routes' classes and the JDK on the class path.
 */
final class GeneratorCommandLine {
  static final String USAGE = """
      usage: java -cp routes/target/test-classes:routes/target/classes \\
               org.casemgmt.routes.claims.generator.ClaimFileGenerator --format csv|837i|837p|x12-pair --out PATH \\
               [--members 1000] [--lines 20*members] [--seed 1] [--psychiatric-share 0.2] [--adjustment-share 0] \\
               [--denied-share 0] [--malformed-share 0] [--claims-per-transaction 5000]
      Writes PATH (x12-pair: PATH.837i and PATH.837p) and PATH.manifest.properties, and prints the manifest.""";
  private static final Set<String> OPTIONS = Set.of("format", "out", "members", "lines", "seed",
      "psychiatric-share", "adjustment-share", "denied-share", "malformed-share", "claims-per-transaction");

  private GeneratorCommandLine() {
  }

  /** The exit status: 0 done, 2 wrong arguments, 1 the files could not be written. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ClaimFileRequest request;
    Path target;
    try {
      Map<String, String> options = options(args);
      if (!options.containsKey("format") || !options.containsKey("out")) {
        throw new IllegalArgumentException("--format and --out are required");
      }
      int members = Integer.parseInt(options.getOrDefault("members", "1000"));
      request = new ClaimFileRequest(format(options.get("format")), members,
          Long.parseLong(options.getOrDefault("lines", String.valueOf(20L * members))),
          Long.parseLong(options.getOrDefault("seed", "1")),
          share(options, "psychiatric-share", ClaimFileRequest.DEFAULT_PSYCHIATRIC_SHARE),
          share(options, "adjustment-share", 0), share(options, "denied-share", 0),
          share(options, "malformed-share", 0), Integer.parseInt(options.getOrDefault("claims-per-transaction",
          String.valueOf(ClaimFileRequest.DEFAULT_CLAIMS_PER_TRANSACTION))));
      target = Path.of(options.get("out"));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      long start = System.nanoTime();
      ClaimFileManifest manifest = new ClaimFileGenerator(request).write(target);
      manifest.writeProperties(ClaimFileManifest.fileFor(target));
      out.print(manifest.toProperties());
      out.printf(Locale.ROOT, "# written in %.1f s%n", (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (IOException e) {
      err.println("cannot write " + target + ": " + e);
      return 1;
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!OPTIONS.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
      }
      options.put(name, args[i + 1]);
    }
    return options;
  }

  private static ClaimFileFormat format(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "csv" -> ClaimFileFormat.CSV;
      case "837i" -> ClaimFileFormat.X12_837I;
      case "837p" -> ClaimFileFormat.X12_837P;
      case "x12-pair" -> ClaimFileFormat.X12_PAIR;
      default -> throw new IllegalArgumentException("unknown format: " + name);
    };
  }

  private static double share(Map<String, String> options, String name, double fallback) {
    return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
  }
}
