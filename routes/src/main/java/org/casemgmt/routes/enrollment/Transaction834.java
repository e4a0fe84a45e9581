package org.casemgmt.routes.enrollment;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.casemgmt.routes.enrollment.MemberMaintenance.Payer;
import org.casemgmt.routes.files.BadValue;
import org.casemgmt.routes.x12.X12Dates;
import org.casemgmt.routes.x12.X12Envelope;
import org.casemgmt.routes.x12.X12Fault;
import org.casemgmt.routes.x12.X12Person;
import org.casemgmt.routes.x12.X12Segment;
import org.casemgmt.routes.x12.X12TransactionSet;

/**
 * Reads the members of one 834 transaction set (ST to SE) segment by segment and hands each out as soon as it ends
 * (at the next INS or SE): one member in memory at a time.
 *
 * <p>StAEDI reads the 834 without a transaction schema, so the loops are followed here by the segment that opens
 * each: the header (BGN, the sponsor and payer N1 loops 1000A/B), the member loop INS (2000) with its name loops NM1
 * (2100A member, 2100B its incorrect name, 2100C its mailing address and others, whose N3/N4/DMG are not the
 * member's), the coverage loop HD (2300), and the loops inside or after it whose dates are not the coverage's
 * (providers LX 2310, coordination of benefits COB 2320, reporting categories LS 2700). A fault in the header refuses
 * the whole transaction set; a fault in a member refuses that member; the next member starts clean.
 */
final class Transaction834 extends X12TransactionSet {
  private enum Loop { HEADER, MEMBER, COVERAGE, OTHER }

  private final X12Envelope envelope;
  private final String idQualifier;
  private final Consumer<ParsedMember> sink;

  private Loop loop = Loop.HEADER;
  private LocalDate sentOn;
  private Payer payer;
  private X12Fault headerFault;
  private boolean refusedWhole;
  private MemberDraft member;
  private int memberLine;
  private String nameLoop = "";

  Transaction834(X12Envelope envelope, String idQualifier, Consumer<ParsedMember> sink) {
    this.envelope = envelope;
    this.idQualifier = idQualifier;
    this.sink = sink;
  }

  @Override
  protected void read(X12Segment s) {
    if (refusedWhole) {
      return;
    }
    switch (s.tag()) {
      case "BGN" -> inHeader(() -> sentOn = X12Dates.date(s.required(3), "BGN03"));
      case "N1" -> inHeader(() -> payer(s));
      case "INS" -> openMember(s);
      case "REF" -> inMember(() -> member.reference(s));
      case "DTP" -> date(s);
      case "NM1" -> inMember(() -> name(s));
      case "N3" -> ifMemberName(() -> member.person().street(s));
      case "N4" -> ifMemberName(() -> member.person().city(s));
      case "DMG" -> ifMemberName(() -> member.person().demographics(s));
      case "HD" -> coverage(s);
      case "LX", "COB", "LS" -> {
        if (member != null) {
          loop = Loop.OTHER;
        }
      }
      default -> {
        // a segment that carries nothing the enrollment model holds
      }
    }
  }

  /** SE: the last member ends; a transaction set without members still has its header checked. */
  @Override
  public void end() {
    closeMember();
    if (!refusedWhole) {
      refuseIfHeaderFaulty(lastLine());
    }
  }

  @Override
  protected void fault(X12Fault fault) {
    if (member != null) {
      member.fault(fault);
    } else if (headerFault == null) {
      headerFault = fault;
    }
  }

  private void inHeader(Runnable read) {
    if (loop == Loop.HEADER) {
      read.run();
    }
  }

  private void inMember(Runnable read) {
    if (loop == Loop.MEMBER) {
      read.run();
    }
  }

  /** N3, N4 and DMG describe the member only in 2100A (after NM1*IL or NM1*74). */
  private void ifMemberName(Runnable read) {
    if (loop == Loop.MEMBER && (nameLoop.equals("IL") || nameLoop.equals("74"))) {
      read.run();
    }
  }

  /** N1*IN: the payer (1000B); the sponsor (P5), brokers and administrators are not kept. */
  private void payer(X12Segment n1) {
    if (n1.element(1).trim().equals("IN")) {
      String id = X12Person.blankToNull(n1.element(4));
      payer = new Payer(X12Person.blankToNull(n1.element(2)), id == null ? null : n1.required(3), id);
      if (payer.key() == null) {
        throw new BadValue("N104", "N1*IN names the payer neither by id (N104) nor by name (N102)");
      }
    }
  }

  private void openMember(X12Segment ins) {
    closeMember();
    if (loop == Loop.HEADER && refuseIfHeaderFaulty(ins.line())) {
      return;
    }
    member = new MemberDraft(ins, idQualifier);
    memberLine = ins.line();
    loop = Loop.MEMBER;
    nameLoop = "";
  }

  /** The header's first fault, or a missing BGN or payer, refuses every member of the transaction set. */
  private boolean refuseIfHeaderFaulty(int line) {
    X12Fault fault = headerFault;
    if (fault == null && sentOn == null) {
      fault = new X12Fault("BGN", 0, null, line, "BGN (the transaction set's beginning, with its date) is missing");
    }
    if (fault == null && payer == null) {
      fault = new X12Fault("N1", 0, null, line, "N1*IN (the payer, loop 1000B) is missing: the members' coverage"
          + " has no payer");
    }
    if (fault == null) {
      return false;
    }
    refusedWhole = true;
    sink.accept(ParsedMember.rejected(new MemberOrigin(envelope, fault.line(), line),
        new MemberRejection(MemberRejection.Scope.TRANSACTION_SET, null, fault)));
    return true;
  }

  private void name(X12Segment nm1) {
    nameLoop = nm1.element(1).trim();
    if (nameLoop.equals("IL") || nameLoop.equals("74")) {
      member.name(nm1);
    } else if (nameLoop.equals("70")) {
      member.incorrectName();
    }
  }

  private void date(X12Segment dtp) {
    if (loop == Loop.MEMBER) {
      member.date(dtp);
    } else if (loop == Loop.COVERAGE) {
      member.coverageDate(dtp);
    }
  }

  private void coverage(X12Segment hd) {
    if (member != null) {
      loop = Loop.COVERAGE;
      member.coverage(hd);
    }
  }

  private void closeMember() {
    if (member != null) {
      MemberDraft closing = member;
      member = null;
      sink.accept(closing.close(new MemberOrigin(envelope, memberLine, lastLine()), sentOn, payer));
    }
  }
}
