package org.casemgmt.routes.claims.generator;

/**
 * What to generate. Shares are probabilities drawn per member or per claim, so the realised counts (in the
 * {@link ClaimFileManifest}) are near, not equal to, share times count; the line count is met exactly.
 *
 * @param members              Medicaid members (at most 9,999,999); each gets at least one claim line
 * @param lines                claim lines (837 LX loops, CSV rows) in the whole output, at least one per member
 * @param seed                 the same request and seed give byte-identical files
 * @param psychiatricShare     share of members with a psychiatric history, who get psychiatric episodes
 * @param adjustmentShare      share of single-claim episodes and ordinary claims followed by a replacement
 *                             (frequency 7) or a void (frequency 8), half each
 * @param deniedShare          share of episodes and ordinary claims the payer denied; CSV only, because an 837 is a
 *                             bill and carries no payment status
 * @param malformedShare       share of ordinary claims made unreadable for the parser (one bad value each)
 * @param claimsPerTransaction X12: claims per transaction set (ST/SE) before the next one starts
 */
public record ClaimFileRequest(
    ClaimFileFormat format,
    int members,
    long lines,
    long seed,
    double psychiatricShare,
    double adjustmentShare,
    double deniedShare,
    double malformedShare,
    int claimsPerTransaction) {

  /** Roughly the share of adult Medicaid members with a serious mental illness diagnosis on claims. */
  public static final double DEFAULT_PSYCHIATRIC_SHARE = 0.2;
  /** The 837 implementation guides recommend at most 5,000 claims per transaction set. */
  public static final int DEFAULT_CLAIMS_PER_TRANSACTION = 5_000;
  static final int MAX_MEMBERS = 9_999_999;

  public ClaimFileRequest {
    if (format == null) {
      throw new IllegalArgumentException("format is required");
    }
    if (members < 1 || members > MAX_MEMBERS) {
      throw new IllegalArgumentException("members must be 1 to " + MAX_MEMBERS + ", not " + members);
    }
    if (lines < members) {
      throw new IllegalArgumentException("lines (" + lines + ") must be at least members (" + members
          + "): every member has a claim");
    }
    share("psychiatricShare", psychiatricShare);
    share("adjustmentShare", adjustmentShare);
    share("deniedShare", deniedShare);
    share("malformedShare", malformedShare);
    if (deniedShare > 0 && format != ClaimFileFormat.CSV) {
      throw new IllegalArgumentException("deniedShare needs CSV: an X12 837 has no payment status");
    }
    if (claimsPerTransaction < 1) {
      throw new IllegalArgumentException("claimsPerTransaction must be at least 1");
    }
  }

  /** The defaults: 20% psychiatric members, no adjustments, denials or malformed claims, 5,000 claims per ST. */
  public static ClaimFileRequest of(ClaimFileFormat format, int members, long lines, long seed) {
    return new ClaimFileRequest(format, members, lines, seed, DEFAULT_PSYCHIATRIC_SHARE, 0, 0, 0,
        DEFAULT_CLAIMS_PER_TRANSACTION);
  }

  public ClaimFileRequest withPsychiatricShare(double share) {
    return new ClaimFileRequest(format, members, lines, seed, share, adjustmentShare, deniedShare, malformedShare,
        claimsPerTransaction);
  }

  public ClaimFileRequest withAdjustmentShare(double share) {
    return new ClaimFileRequest(format, members, lines, seed, psychiatricShare, share, deniedShare, malformedShare,
        claimsPerTransaction);
  }

  public ClaimFileRequest withDeniedShare(double share) {
    return new ClaimFileRequest(format, members, lines, seed, psychiatricShare, adjustmentShare, share,
        malformedShare, claimsPerTransaction);
  }

  public ClaimFileRequest withMalformedShare(double share) {
    return new ClaimFileRequest(format, members, lines, seed, psychiatricShare, adjustmentShare, deniedShare, share,
        claimsPerTransaction);
  }

  public ClaimFileRequest withClaimsPerTransaction(int claims) {
    return new ClaimFileRequest(format, members, lines, seed, psychiatricShare, adjustmentShare, deniedShare,
        malformedShare, claims);
  }

  public ClaimFileRequest withSeed(long otherSeed) {
    return new ClaimFileRequest(format, members, lines, otherSeed, psychiatricShare, adjustmentShare, deniedShare,
        malformedShare, claimsPerTransaction);
  }

  private static void share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, not " + value);
    }
  }
}
