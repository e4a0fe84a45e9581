package org.casemgmt.routes.claims;

import java.io.IOException;
import java.nio.file.Path;
import org.casemgmt.routes.files.UnreadableFile;
import org.casemgmt.routes.x12.X12Transactions;

/**
 * Reads Medicaid claims from an X12 837 file: institutional (005010X223) and professional (005010X222), any number
 * of interchanges, functional groups and transaction sets, any separators the ISA header declares. StAEDI does the
 * X12 syntax and the envelope checks (SE01 segment count, SE02 = ST02, GE02 = GS06, IEA02 = ISA13, trailer counts).
 *
 * <p>What comes out, in file order: each claim, or a rejection for each claim that cannot be read (a missing
 * subscriber or CLM, an invalid date, a code of the wrong shape) while the rest of the file is read; one rejection
 * per transaction set whose envelope is wrong or which is not a 5010 837. A file that is not X12 at all, or breaks
 * the syntax anywhere, throws {@link UnreadableFile} from {@link #open} before any claim is handed out.
 *
 * <p>Two passes (see {@link X12Transactions}): the envelopes first, then the claims, one
 * claim in memory at a time. Stateless and thread-safe; each {@link ClaimReader} is for one thread.
 */
public final class X12ClaimParser {

  /**
   * Checks the file's envelopes and opens it for reading claims.
   *
   * @throws UnreadableFile when the file is not X12 or cannot be read through to its end
   */
  public ClaimReader open(Path file) throws UnreadableFile, IOException {
    return new X12ClaimReader(file);
  }
}
