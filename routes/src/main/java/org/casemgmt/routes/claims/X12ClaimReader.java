package org.casemgmt.routes.claims;

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
 * The claims of an X12 file: refuses each transaction set that is not an 837I/837P of version 5010 and reads the
 * claims of the others through {@link Transaction837}.
 */
final class X12ClaimReader extends X12ItemReader<ParsedClaim> implements ClaimReader {

  X12ClaimReader(Path file) throws UnreadableFile, IOException {
    super(file);
  }

  @Override
  public X12Fault refusal(X12Segment st, String version) {
    if (!st.element(1).trim().equals("837")) {
      return X12Fault.of(st, new BadValue("ST01", "ST01 transaction set '" + st.element(1)
          + "' is not a claim (837)"));
    }
    if (format(version) == null) {
      return X12Fault.of(st, new BadValue(st.element(3).isBlank() ? "GS08" : "ST03", "version '" + version
          + "' is not an 837 this reader takes (005010X223 institutional, 005010X222 professional)"));
    }
    return null;
  }

  @Override
  public X12Transactions.TransactionSet open(X12Envelope envelope) {
    ClaimFormat format = format(envelope.version());
    ClaimType type = format == ClaimFormat.X12_837I ? ClaimType.INSTITUTIONAL : ClaimType.PROFESSIONAL;
    return new Transaction837(type, (first, last) -> origin(envelope, first, last), this::add);
  }

  @Override
  public void refused(X12Envelope envelope, X12Segment st, X12Fault fault) {
    add(ParsedClaim.rejected(origin(envelope, st.line(), st.line()),
        ClaimRejection.of(fault, ClaimRejection.Scope.TRANSACTION_SET, null, null)));
  }

  private static ClaimFormat format(String version) {
    return version.startsWith("005010X223") ? ClaimFormat.X12_837I
        : version.startsWith("005010X222") ? ClaimFormat.X12_837P : null;
  }

  private static ClaimOrigin origin(X12Envelope envelope, int firstLine, int lastLine) {
    ClaimFormat format = format(envelope.version());
    return new ClaimOrigin(envelope.fileName(), format == null ? ClaimFormat.X12_837I : format,
        envelope.interchangeControlNumber(), envelope.groupControlNumber(),
        envelope.transactionSetControlNumber(), firstLine, lastLine);
  }
}
