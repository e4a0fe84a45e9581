package org.casemgmt.routes.claims.generator;

import java.nio.file.Path;
import java.util.List;

/** What a generator run writes, and so which kinds of claim it plans. */
public enum ClaimFileFormat {
  /** One X12 837I file (005010X223A2): institutional claims only (stays, outpatient and emergency bills). */
  X12_837I(true, false),
  /** One X12 837P file (005010X222A1): professional claims only (office visits, crisis services, ED physicians). */
  X12_837P(false, true),
  /** One claim-line CSV extract (README) with institutional and professional claims together. */
  CSV(true, true),
  /**
   * The mix of {@link #CSV} the way providers send it: institutional claims in an 837I file, professional claims in
   * an 837P file, one manifest for both. A request of very few lines may leave one of them without a claim, and
   * so empty.
   */
  X12_PAIR(true, true);

  private final boolean institutional;
  private final boolean professional;

  ClaimFileFormat(boolean institutional, boolean professional) {
    this.institutional = institutional;
    this.professional = professional;
  }

  /** Whether institutional claims (UB-04 / 837I) are written. */
  public boolean institutional() {
    return institutional;
  }

  /** Whether professional claims (CMS-1500 / 837P) are written. */
  public boolean professional() {
    return professional;
  }

  /** The files written for {@code target}: the target itself, or for the pair the target with .837i and .837p. */
  public List<Path> files(Path target) {
    if (this != X12_PAIR) {
      return List.of(target);
    }
    String name = target.getFileName().toString();
    return List.of(target.resolveSibling(name + ".837i"), target.resolveSibling(name + ".837p"));
  }
}
