package org.casemgmt.routes.enrollment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.casemgmt.routes.files.UnreadableFile;
import org.casemgmt.routes.x12.X12Transactions;

/**
 * Reads Medicaid enrollment from an X12 834 file (benefit enrollment and maintenance, 005010X220 and its A1 errata):
 * any number of interchanges, functional groups and transaction sets, any separators the ISA header declares. StAEDI
 * does the X12 syntax and the envelope checks, as for claims (see {@link X12Transactions}).
 *
 * <p>What comes out, in file order: each member's maintenance (an INS loop with its name, address, demographics and
 * coverage loops), or a rejection for each member that cannot be read (no member id or name, an invalid date, a
 * coverage without its begin date) while the rest of the file is read; one rejection per transaction set whose
 * envelope or header is wrong or which is not a 5010 834. A file that is not X12 at all, or breaks the syntax
 * anywhere, throws {@link UnreadableFile} from {@link #open} before any member is handed out.
 *
 * <p>Stateless and thread-safe; each {@link EnrollmentReader} is for one thread.
 */
public final class X12EnrollmentParser {
  private static final Pattern QUALIFIER = Pattern.compile("[0-9A-Z]{2,3}");
  private final String memberIdQualifier;

  /**
   * @param memberIdQualifier the REF01 qualifier under which the member loop (2000) carries the Medicaid member id:
   *                          0F (subscriber identifier, every Medicaid member being their own subscriber) unless
   *                          the state's companion guide says otherwise (23 client number, for instance)
   */
  public X12EnrollmentParser(String memberIdQualifier) {
    if (memberIdQualifier == null || !QUALIFIER.matcher(memberIdQualifier).matches()) {
      throw new IllegalArgumentException("a REF01 qualifier is two or three letters or digits, not '"
          + memberIdQualifier + "'");
    }
    this.memberIdQualifier = memberIdQualifier;
  }

  /**
   * Checks the file's envelopes and opens it for reading members.
   *
   * @throws UnreadableFile when the file is not X12 or cannot be read through to its end
   */
  public EnrollmentReader open(Path file) throws UnreadableFile, IOException {
    return new X12EnrollmentReader(file, memberIdQualifier);
  }
}
