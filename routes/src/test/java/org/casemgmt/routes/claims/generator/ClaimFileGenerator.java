package org.casemgmt.routes.claims.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.casemgmt.routes.claims.ClaimType;

/**
 * Writes realistic Medicaid claim files (X12 837I, 837P, the claim-line CSV extract) of a requested size, with a
 * known share of members with a psychiatric history, and returns what a pipeline should derive from them (the
 * {@link ClaimFileManifest}).
 *
 * <p>Members are written one after the other, each planned from a random stream of its own (seed and member
 * index) and written before the next is planned: memory holds one member's claims, whatever the file size, and
 * the same request gives the same bytes. The lines are spread evenly over the members and met exactly.
 *
 * <pre>{@code
 * ClaimFileManifest expected = new ClaimFileGenerator(ClaimFileRequest.of(ClaimFileFormat.CSV, 500, 10_000, 1)
 *     .withMalformedShare(0.01)).write(folder.resolve("claims.csv"));
 * }</pre>
 *
 * <p>Command line: see {@link GeneratorCommandLine#USAGE}.
 */
public final class ClaimFileGenerator {
  private final ClaimFileRequest request;

  public ClaimFileGenerator(ClaimFileRequest request) {
    this.request = request;
  }

  /**
   * Writes the files for {@code target} (see {@link ClaimFileFormat#files}), replacing any that exist, and returns
   * the manifest. Does not write the manifest; {@link ClaimFileManifest#writeProperties} does.
   */
  public ClaimFileManifest write(Path target) throws IOException {
    List<Path> files = request.format().files(target);
    MemberPopulation population = new MemberPopulation(request.psychiatricShare());
    MemberPlanner planner = new MemberPlanner(request);
    ManifestTally tally = new ManifestTally();
    try (ClaimWriter writer = open(files)) {
      for (int index = 0; index < request.members(); index++) {
        Random random = memberRandom(request.seed(), index);
        SyntheticMember member = population.member(index, random);
        for (PlannedClaim claim : planner.plan(member, random, lineBudget(index), tally)) {
          writer.write(member, claim);
        }
      }
    }
    return tally.manifest(request, files);
  }

  public static void main(String[] args) {
    System.exit(GeneratorCommandLine.run(args, System.out, System.err));
  }

  private ClaimWriter open(List<Path> files) throws IOException {
    int perTransaction = request.claimsPerTransaction();
    return switch (request.format()) {
      case CSV -> new CsvClaimWriter(files.get(0));
      case X12_837I -> new X12ClaimWriter(files.get(0), ClaimType.INSTITUTIONAL, perTransaction);
      case X12_837P -> new X12ClaimWriter(files.get(0), ClaimType.PROFESSIONAL, perTransaction);
      case X12_PAIR -> {
        ClaimWriter institutional = new X12ClaimWriter(files.get(0), ClaimType.INSTITUTIONAL, perTransaction);
        try {
          yield new ClaimTypeSplit(institutional,
              new X12ClaimWriter(files.get(1), ClaimType.PROFESSIONAL, perTransaction));
        } catch (IOException e) {
          institutional.close();
          throw e;
        }
      }
    };
  }

  /** lines / members each, the remainder spread over the population rather than heaped on its first members. */
  private long lineBudget(int index) {
    long members = request.members();
    long base = request.lines() / members;
    long remainder = request.lines() % members;
    return base + (index + 1) * remainder / members - index * remainder / members;
  }

  /**
   * A stream per member from the seed and the index, mixed (SplitMix64's finaliser) so that neighbouring members
   * and seeds do not start alike. java.util.Random because its sequence is specified, the same on every JVM.
   */
  public static Random memberRandom(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }
}
