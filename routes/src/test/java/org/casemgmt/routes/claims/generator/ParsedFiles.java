package org.casemgmt.routes.claims.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.routes.claims.Claim;
import org.casemgmt.routes.claims.ClaimReader;
import org.casemgmt.routes.claims.ClaimRejection;
import org.casemgmt.routes.claims.CsvClaimParser;
import org.casemgmt.routes.claims.ParsedClaim;
import org.casemgmt.routes.claims.X12ClaimParser;

/** What the routes parsers read from the files of a generator run, in file order (837I before 837P for a pair). */
record ParsedFiles(List<Claim> claims, List<ClaimRejection> rejections) {

  static ParsedFiles of(ClaimFileManifest manifest) throws Exception {
    List<Claim> claims = new ArrayList<>();
    List<ClaimRejection> rejections = new ArrayList<>();
    for (Path file : manifest.files()) {
      try (ClaimReader reader = manifest.format() == ClaimFileFormat.CSV ? new CsvClaimParser().open(file)
          : new X12ClaimParser().open(file)) {
        ParsedClaim item;
        while ((item = reader.next()) != null) {
          if (item.isAccepted()) {
            claims.add(item.claim());
          } else {
            rejections.add(item.rejection());
          }
        }
      }
    }
    return new ParsedFiles(claims, rejections);
  }

  long lines() {
    return claims.stream().mapToLong(claim -> claim.lines().size()).sum();
  }

  /** Claims written by one scenario: their id starts with its {@link ClaimIds} prefix. */
  List<Claim> ofScenario(String prefix) {
    return claims.stream().filter(claim -> claim.claimId().startsWith(prefix)).toList();
  }
}
