package org.casemgmt.routes.claims.generator;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a pipeline should derive from the generated files, counted by the generator from what it wrote (never by
 * parsing them back).
 *
 * <p>Episode counts follow the rules of REFERENCE.md 1.2.3 and 1.3, which the scenarios are built to leave no doubt
 * about: adjustments are resolved first (a replacement stands for its original, a void removes it); a psychiatric
 * inpatient episode is one stay however many bills it took (interim bills 0112-0114, a transfer to another hospital
 * the next day), counted from institutional claims only (a psychiatrist's POS 51 claim during a stay adds nothing);
 * emergency visits and crisis services count once per member and day. Episodes of one member are at least 30 days
 * apart, and no other claim of theirs falls within a day of one. Episodes whose claims the payer denied are not in
 * the in-force counts but in the {@code denied*} ones.
 *
 * @param psychiatricMembers          members drawn with a psychiatric history; each has at least one episode, and
 *                                    only they have F-codes on any claim
 * @param housingInstabilityMembers   members with Z59.00 on at least one readable, in-force, not denied claim
 * @param claims                      claims written, adjustments and malformed claims included
 * @param lines                       service lines written (837 LX loops, CSV rows), equal to the request's lines
 * @param malformedClaims             claims a parser must reject, one rejection each
 * @param malformedLines              the lines of those claims
 * @param replacedClaims              originals followed by a replacement (frequency 7, REF*F8 / original_claim_id)
 * @param voidedClaims                originals followed by a void (frequency 8)
 * @param deniedClaims                claims with status denied (CSV)
 * @param inpatientEpisodes           psychiatric inpatient episodes in force, not denied
 * @param emergencyVisitDays          member-days with a psychiatric emergency visit (revenue 045x or POS 23)
 * @param crisisServiceDays           member-days with a crisis service (H2011, S9484, S9485, 90839)
 * @param membersWithRepeatedStays    members with at least two psychiatric inpatient episodes in force, not denied
 * @param files                       the files written
 */
public record ClaimFileManifest(
    ClaimFileFormat format,
    long seed,
    int members,
    int psychiatricMembers,
    int housingInstabilityMembers,
    long claims,
    long lines,
    long institutionalClaims,
    long professionalClaims,
    long malformedClaims,
    long malformedLines,
    long replacedClaims,
    long voidedClaims,
    long deniedClaims,
    long inpatientEpisodes,
    long emergencyVisitDays,
    long crisisServiceDays,
    long deniedInpatientEpisodes,
    long deniedEmergencyVisitDays,
    long deniedCrisisServiceDays,
    int membersWithRepeatedStays,
    List<Path> files) {

  public ClaimFileManifest {
    files = List.copyOf(files);
  }

  /** Claims a parser hands out as claims (the rest are rejections). */
  public long acceptedClaims() {
    return claims - malformedClaims;
  }

  /** Lines of the accepted claims. */
  public long acceptedLines() {
    return lines - malformedLines;
  }

  /** Where {@link #writeProperties} puts the manifest of data written to {@code target}: beside it. */
  public static Path fileFor(Path target) {
    return target.resolveSibling(target.getFileName() + ".manifest.properties");
  }

  /** Writes {@link #toProperties()} to {@code file}. */
  public void writeProperties(Path file) throws IOException {
    Files.writeString(file, toProperties(), StandardCharsets.UTF_8);
  }

  /**
   * One {@code name=value} line per field in declaration order (file names only), so a shell benchmark can grep it
   * and two runs of one seed give the same text.
   */
  public String toProperties() {
    StringBuilder text = new StringBuilder("# expected outcome of generated claim files (ClaimFileGenerator)\n");
    for (RecordComponent component : getClass().getRecordComponents()) {
      text.append(component.getName()).append('=').append(value(component)).append('\n');
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return toProperties();
  }

  private String value(RecordComponent component) {
    try {
      Object value = component.getAccessor().invoke(this);
      if (value instanceof List<?> paths) {
        return paths.stream().map(p -> ((Path) p).getFileName().toString()).collect(Collectors.joining(","));
      }
      return String.valueOf(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
