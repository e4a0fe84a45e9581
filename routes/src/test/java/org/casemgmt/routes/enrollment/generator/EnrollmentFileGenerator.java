package org.casemgmt.routes.enrollment.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.casemgmt.routes.claims.generator.ClaimFileGenerator;
import org.casemgmt.routes.claims.generator.MemberPopulation;
import org.casemgmt.routes.claims.generator.SyntheticMember;
import org.casemgmt.routes.x12.generator.X12Envelopes;

/**
 * Writes a Medicaid 834 of a requested number of members, for tests and benchmarks that need volume: each member added
 * (021) with health coverage from the first of a month in 2023 to 2025, living in an Illinois county (N406), and a
 * chosen share of them malformed (a birth date that is not a date, refused at DMG02). The members are the claims
 * generator's population (same ids, names and addresses for the same seed), written one at a time; the same request
 * gives the same bytes.
 *
 * <pre>
 * java -cp routes/target/test-classes:routes/target/classes \
 *   org.casemgmt.routes.enrollment.generator.EnrollmentFileGenerator --members 100000 --out /tmp/members.834 \
 *   [--seed 1] [--malformed-share 0] [--members-per-transaction 10000]
 * </pre>
 */
public final class EnrollmentFileGenerator {
  private static final Set<String> OPTIONS = Set.of("members", "out", "seed", "malformed-share",
      "members-per-transaction");
  private static final LocalDate FIRST_START = LocalDate.of(2023, 1, 1);

  private final int members;
  private final long seed;
  private final double malformedShare;
  private final int membersPerTransaction;

  public EnrollmentFileGenerator(int members, long seed, double malformedShare, int membersPerTransaction) {
    this.members = members;
    this.seed = seed;
    this.malformedShare = malformedShare;
    this.membersPerTransaction = membersPerTransaction;
  }

  /** What was written: members in all, and how many of them a reader must refuse. */
  public record Manifest(int members, int malformed) {
    public int accepted() {
      return members - malformed;
    }
  }

  public Manifest write(Path file) throws IOException {
    MemberPopulation population = new MemberPopulation(0);
    int malformed = 0;
    try (X12Envelopes out = new X12Envelopes(file, "BE", "834", Enrollment834.VERSION, membersPerTransaction,
        EnrollmentFileGenerator::header)) {
      for (int index = 0; index < members; index++) {
        Random random = ClaimFileGenerator.memberRandom(seed, index);
        SyntheticMember person = population.member(index, random);
        LocalDate start = FIRST_START.plusMonths(random.nextInt(36));
        boolean bad = random.nextDouble() < malformedShare;
        malformed += bad ? 1 : 0;
        Member834 member = Member834.maintained(person.id(), "021").maintenance("021", "28")
            .coverage("021", "HLT", d8(start), null)
            .name(person.familyName(), person.givenName(), person.middleInitial())
            .address(person.street(), person.place().city(), "IL", person.place().zip(), person.place().county())
            .born(bad ? person.birthDate().getYear() + "0230" : d8(person.birthDate()), person.gender());
        out.nextItem();
        for (String segment : member.segments()) {
          out.segment().append(segment);
          out.write();
        }
      }
    }
    return new Manifest(members, malformed);
  }

  /** BGN and the sponsor and payer loops, which open every 834 transaction set. */
  private static void header(X12Envelopes out, String transactionNumber) throws IOException {
    for (String segment : Enrollment834.header("GEN" + transactionNumber)) {
      out.segment().append(segment);
      out.write();
    }
  }

  private static String d8(LocalDate date) {
    return date.format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      String name = args[i].replaceFirst("^--", "");
      if (!OPTIONS.contains(name)) {
        usage(System.err, "unknown option " + args[i]);
      }
      options.put(name, args[i + 1]);
    }
    if (!options.containsKey("members") || !options.containsKey("out") || args.length % 2 != 0) {
      usage(System.err, "--members and --out are required");
    }
    long started = System.nanoTime();
    Manifest manifest = new EnrollmentFileGenerator(Integer.parseInt(options.get("members")),
        Long.parseLong(options.getOrDefault("seed", "1")),
        Double.parseDouble(options.getOrDefault("malformed-share", "0")),
        Integer.parseInt(options.getOrDefault("members-per-transaction", "10000")))
        .write(Path.of(options.get("out")));
    System.out.printf(Locale.ROOT, "members=%d%nmalformed=%d%n# written in %.1f s%n", manifest.members(),
        manifest.malformed(), (System.nanoTime() - started) / 1e9);
  }

  private static void usage(PrintStream err, String problem) {
    err.println(problem);
    err.println("usage: EnrollmentFileGenerator --members N --out PATH [--seed 1] [--malformed-share 0]"
        + " [--members-per-transaction 10000]");
    System.exit(2);
  }
}
