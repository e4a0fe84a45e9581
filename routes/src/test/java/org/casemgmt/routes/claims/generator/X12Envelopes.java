package org.casemgmt.routes.claims.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The envelopes of an X12 file, opened and closed as claims arrive: a new transaction set (ST/SE) after
 * {@code claimsPerTransaction} claims, a new functional group (GS/GE) after {@link #TRANSACTIONS_PER_GROUP}
 * transaction sets, a new interchange (ISA/IEA) after {@link #GROUPS_PER_INTERCHANGE} groups, so that every file of
 * some size exercises each level. Control numbers run through the file (ISA13, GS06, ST02 each unique in it), and
 * each trailer's count is of what this class wrote. Separators are the common ones: {@code *} elements,
 * {@code :} components, {@code ^} repetitions, {@code ~} and a line break after each segment.
 */
final class X12Envelopes implements Closeable {
  static final int TRANSACTIONS_PER_GROUP = 4;
  static final int GROUPS_PER_INTERCHANGE = 3;
  private static final String SENDER = "ILMEDICAID";
  private static final String RECEIVER = "CASEMGMT";
  // A fixed creation time after the service period: the same seed gives the same bytes.
  private static final String ISA_DATE_TIME = "250102*0200";
  private static final String DATE_TIME = "20250102*0200";

  private final Writer out;
  private final String version;
  private final int claimsPerTransaction;
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
  private int claimsInTransaction;

  X12Envelopes(Path file, String version, int claimsPerTransaction) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII),
        1 << 16);
    this.version = version;
    this.claimsPerTransaction = claimsPerTransaction;
  }

  /**
   * Makes room for one more claim. True when that took a new transaction set, in which the billing provider and
   * subscriber loops above the claim must be written again.
   */
  boolean nextClaim() throws IOException {
    if (transactionOpen && claimsInTransaction < claimsPerTransaction) {
      claimsInTransaction++;
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
    claimsInTransaction = 1;
    return true;
  }

  /** A buffer to build the next segment in, without its terminator. */
  StringBuilder segment() {
    segment.setLength(0);
    return segment;
  }

  /** Writes the segment built in {@link #segment()}; counted for SE01 when inside a transaction set. */
  void write() throws IOException {
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
    segment().append("GS*HC*").append(SENDER).append('*').append(RECEIVER).append('*').append(DATE_TIME)
        .append('*').append(group).append("*X*").append(version);
    write();
  }

  /** ST, BHT and the submitter and receiver names (1000A, 1000B), which open every 837 transaction set. */
  private void startTransaction() throws IOException {
    transaction++;
    transactionOpen = true;
    transactionsInGroup++;
    segmentsInTransaction = 0;
    segment().append("ST*837*").append(transactionNumber()).append('*').append(version);
    write();
    // BHT06 RP: an encounter report, which is what a state Medicaid agency forwards
    segment().append("BHT*0019*00*").append(transactionNumber()).append('*').append(DATE_TIME).append("*RP");
    write();
    segment().append("NM1*41*2*ILLINOIS MEDICAID*****46*").append(SENDER);
    write();
    segment().append("PER*IC*EDI DESK*TE*2175550100");
    write();
    segment().append("NM1*40*2*CASE MANAGEMENT ADAPTER*****46*").append(RECEIVER);
    write();
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
