package org.casemgmt.routes.enrollment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.casemgmt.routes.files.BadValue;
import org.casemgmt.routes.files.UnreadableFile;
import org.casemgmt.routes.x12.X12Envelope;
import org.casemgmt.routes.x12.X12Fault;
import org.casemgmt.routes.x12.X12Segment;
import org.casemgmt.routes.x12.X12Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members of an X12 file: refuses each transaction set that is not an 834 of version 5010 (005010X220) and reads
 * the members of the others through {@link Transaction834}.
 */
final class X12EnrollmentReader implements EnrollmentReader, X12Transactions.Feed {
  private static final Logger LOG = LoggerFactory.getLogger(X12EnrollmentReader.class);
  static final String VERSION = "005010X220";

  private final X12Transactions transactions;
  private final String idQualifier;
  private final Deque<ParsedMember> ready = new ArrayDeque<>();
  private int accepted;
  private int rejected;

  X12EnrollmentReader(Path file, String idQualifier) throws UnreadableFile, IOException {
    this.idQualifier = idQualifier;
    this.transactions = X12Transactions.open(file, this);
  }

  @Override
  public ParsedMember next() throws UnreadableFile {
    while (ready.isEmpty()) {
      if (!transactions.advance()) {
        return null;
      }
    }
    ParsedMember item = ready.poll();
    if (item.isAccepted()) {
      accepted++;
    } else {
      rejected++;
    }
    return item;
  }

  @Override
  public void close() throws IOException {
    LOG.debug("{}: {} members read, {} rejections", transactions.fileName(), accepted, rejected);
    transactions.close();
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
    return new Transaction834(envelope, idQualifier, ready::add);
  }

  @Override
  public void refused(X12Envelope envelope, X12Segment st, X12Fault fault) {
    ready.add(ParsedMember.rejected(new MemberOrigin(envelope, st.line(), st.line()),
        new MemberRejection(MemberRejection.Scope.TRANSACTION_SET, null, fault)));
  }
}
