package org.casemgmt.routes.x12.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The envelopes of a generated X12 file, opened and closed as items (claims, members) arrive: a new transaction set
 * (ST/SE) after {@code itemsPerTransaction} items, opened by the feed's header, a new functional group (GS/GE) after
 * {@link #TRANSACTIONS_PER_GROUP} transaction sets, a new interchange (ISA/IEA) after {@link #GROUPS_PER_INTERCHANGE}
 * groups, so that every file of some size exercises each level. Control numbers run through the file (ISA13, GS06, ST02 each unique in it), and
 * each trailer's count is of what this class wrote. Separators are the common ones: {@code *} elements,
 * {@code :} components, {@code ^} repetitions, {@code ~} and a line break after each segment.
 */
public final class X12Envelopes implements Closeable {
  public static final int TRANSACTIONS_PER_GROUP = 4;
  public static final int GROUPS_PER_INTERCHANGE = 3;
  public static final String SENDER = "ILMEDICAID";
  public static final String RECEIVER = "CASEMGMT";
  // A fixed creation time after the service period: the same seed gives the same bytes.
  private static final String ISA_DATE_TIME = "250102*0200";
  public static final String DATE_TIME = "20250102*0200";

  /** Writes the segments that open every transaction set of the feed, after ST. */
  public interface Header {
    void write(X12Envelopes out, String transactionNumber) throws IOException;
  }

  private final Writer out;
  private final String functionalId;
  private final String transactionSetId;
  private final String version;
  private final int itemsPerTransaction;
  private final Header header;
  private final StringBuilder segment = new StringBuilder(128);
  private int interchange;
  private int group;
  private int transaction;
  private boolean interchangeOpen;
  private boolean groupOpen;
  private boolean transactionOpen;
  private int groupsInInterchange;
  private int transactionsInGroup;
  private int segmentsInTransaction;
  private int itemsInTransaction;

  /**
   * @param functionalId     GS01: HC health care claim, BE benefit enrollment
   * @param transactionSetId ST01: 837, 834
   */
  public X12Envelopes(Path file, String functionalId, String transactionSetId, String version,
      int itemsPerTransaction, Header header) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII),
        1 << 16);
    this.functionalId = functionalId;
    this.transactionSetId = transactionSetId;
    this.version = version;
    this.itemsPerTransaction = itemsPerTransaction;
    this.header = header;
  }

  /**
   * Makes room for one more item. True when that took a new transaction set, in which the loops above the item (an
   * 837's billing provider and subscriber) must be written again.
   */
  public boolean nextItem() throws IOException {
    if (transactionOpen && itemsInTransaction < itemsPerTransaction) {
      itemsInTransaction++;
      return false;
    }
    if (transactionOpen) {
      endTransaction();
    }
    if (groupOpen && transactionsInGroup == TRANSACTIONS_PER_GROUP) {
      endGroup();
    }
    if (interchangeOpen && !groupOpen && groupsInInterchange == GROUPS_PER_INTERCHANGE) {
      endInterchange();
    }
    if (!interchangeOpen) {
      startInterchange();
    }
    if (!groupOpen) {
      startGroup();
    }
    startTransaction();
    itemsInTransaction = 1;
    return true;
  }

  /** A buffer to build the next segment in, without its terminator. */
  public StringBuilder segment() {
    segment.setLength(0);
    return segment;
  }

  /** Writes the segment built in {@link #segment()}; counted for SE01 when inside a transaction set. */
  public void write() throws IOException {
    segment.append("~\n");
    out.append(segment);
    if (transactionOpen) {
      segmentsInTransaction++;
    }
  }

  @Override
  public void close() throws IOException {
    try (out) {
      if (transactionOpen) {
        endTransaction();
      }
      if (groupOpen) {
        endGroup();
      }
      if (interchangeOpen) {
        endInterchange();
      }
    }
  }

  private void startInterchange() throws IOException {
    interchange++;
    interchangeOpen = true;
    groupsInInterchange = 0;
    // ISA is fixed-width: sender and receiver ids padded to 15, the control number to 9 digits.
    segment().append("ISA*00*          *00*          *ZZ*").append(padded(SENDER)).append("*ZZ*")
        .append(padded(RECEIVER)).append('*').append(ISA_DATE_TIME).append("*^*00501*")
        .append(interchangeNumber()).append("*0*T*:");
    write();
  }

  private void startGroup() throws IOException {
    group++;
    groupOpen = true;
    groupsInInterchange++;
    transactionsInGroup = 0;
    segment().append("GS*").append(functionalId).append('*').append(SENDER).append('*').append(RECEIVER).append('*')
        .append(DATE_TIME).append('*').append(group).append("*X*").append(version);
    write();
  }

  private void startTransaction() throws IOException {
    transaction++;
    transactionOpen = true;
    transactionsInGroup++;
    segmentsInTransaction = 0;
    segment().append("ST*").append(transactionSetId).append('*').append(transactionNumber()).append('*')
        .append(version);
    write();
    header.write(this, transactionNumber());
  }

  private void endTransaction() throws IOException {
    // SE01 counts ST through SE
    String count = String.valueOf(segmentsInTransaction + 1);
    segment().append("SE*").append(count).append('*').append(transactionNumber());
    write();
    transactionOpen = false;
  }

  private void endGroup() throws IOException {
    segment().append("GE*").append(transactionsInGroup).append('*').append(group);
    write();
    groupOpen = false;
  }

  private void endInterchange() throws IOException {
    segment().append("IEA*").append(groupsInInterchange).append('*').append(interchangeNumber());
    write();
    interchangeOpen = false;
  }

  private String interchangeNumber() {
    return String.format("%09d", interchange);
  }

  private String transactionNumber() {
    return String.format("%04d", transaction);
  }

  private static String padded(String id) {
    return String.format("%-15s", id);
  }
}
