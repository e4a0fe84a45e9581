package org.casemgmt.routes.enrollment;

import java.io.IOException;
import java.nio.file.Path;
import org.casemgmt.routes.files.BadValue;
import org.casemgmt.routes.files.UnreadableFile;
import org.casemgmt.routes.x12.X12Envelope;
import org.casemgmt.routes.x12.X12Fault;
import org.casemgmt.routes.x12.X12ItemReader;
import org.casemgmt.routes.x12.X12Segment;
import org.casemgmt.routes.x12.X12Transactions;

/**
 * The members of an X12 file: refuses each transaction set that is not an 834 of version 5010 (005010X220) and reads
 * the members of the others through {@link Transaction834}.
 */
final class X12EnrollmentReader extends X12ItemReader<ParsedMember> implements EnrollmentReader {
  static final String VERSION = "005010X220";

  private final String idQualifier;

  X12EnrollmentReader(Path file, String idQualifier) throws UnreadableFile, IOException {
    super(file);
    this.idQualifier = idQualifier;
  }

  @Override
  public X12Fault refusal(X12Segment st, String version) {
    if (!st.element(1).trim().equals("834")) {
      return X12Fault.of(st, new BadValue("ST01", "ST01 transaction set '" + st.element(1)
          + "' is not a benefit enrollment (834)"));
    }
    if (!version.startsWith(VERSION)) {
      return X12Fault.of(st, new BadValue(st.element(3).isBlank() ? "GS08" : "ST03", "version '" + version
          + "' is not an 834 this reader takes (" + VERSION + ", benefit enrollment and maintenance 5010)"));
    }
    return null;
  }

  @Override
  public X12Transactions.TransactionSet open(X12Envelope envelope) {
    return new Transaction834(envelope, idQualifier, this::add);
  }

  @Override
  public void refused(X12Envelope envelope, X12Segment st, X12Fault fault) {
    add(ParsedMember.rejected(new MemberOrigin(envelope, st.line(), st.line()),
        new MemberRejection(MemberRejection.Scope.TRANSACTION_SET, null, fault)));
  }
}
