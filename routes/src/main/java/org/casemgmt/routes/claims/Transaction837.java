package org.casemgmt.routes.claims;

import java.util.function.Consumer;
import org.casemgmt.routes.files.BadValue;
import org.casemgmt.routes.x12.X12Fault;
import org.casemgmt.routes.x12.X12Person;
import org.casemgmt.routes.x12.X12Segment;
import org.casemgmt.routes.x12.X12TransactionSet;

/**
 * Reads the claims of one 837 transaction set (ST to SE) segment by segment and hands each out as soon as it ends
 * (at the next CLM, HL or SE): one claim in memory at a time.
 *
 * <p>StAEDI reads the 837 without a transaction schema, so the loops are followed here: the HL levels (20 billing
 * provider, 22 subscriber, 23 patient) and, inside a claim, the segment that opens each loop (SBR opens the other
 * payers' 2320, whose NM1*IL and REF*F8 are not this claim's; LX opens a service line). A fault in a level refuses
 * every claim under it; a fault in a claim refuses that claim; the next claim starts clean.
 */
final class Transaction837 extends X12TransactionSet {

  /** Where a claim read from this transaction set was found. */
  interface Origins {
    ClaimOrigin of(int firstLine, int lastLine);
  }

  private enum Loop { HEADER, BILLING, SUBSCRIBER, PATIENT, CLAIM, OTHER_PAYER, LINE }

  private final ClaimType type;
  private final Origins origins;
  private final Consumer<ParsedClaim> sink;

  private Loop loop = Loop.HEADER;
  private String nameLoop = "";
  private PartyDraft billing;
  private PartyDraft subscriber;
  private PartyDraft patient;
  private PartyDraft leaf;
  private Claim837 claim;

  Transaction837(ClaimType type, Origins origins, Consumer<ParsedClaim> sink) {
    this.type = type;
    this.origins = origins;
    this.sink = sink;
  }

  @Override
  protected void read(X12Segment s) {
    switch (s.tag()) {
      case "HL" -> level(s);
      case "NM1" -> name(s);
      case "N3" -> ifPerson(s, X12Person::street);
      case "N4" -> ifPerson(s, X12Person::city);
      case "DMG" -> ifPerson(s, X12Person::demographics);
      case "SBR" -> otherPayer();
      case "CLM" -> openClaim(s);
      case "DTP" -> date(s);
      case "CL1" -> inClaim(s, Claim837::institutionalCode);
      case "REF" -> inClaim(s, Claim837::reference);
      case "HI" -> inClaim(s, Claim837::healthCare);
      case "LX" -> serviceLine(s);
      case "SV1" -> inLine(s, Claim837::professionalService);
      case "SV2" -> inLine(s, Claim837::institutionalService);
      default -> {
        // a segment that carries nothing the claim model holds
      }
    }
  }

  /** SE: the last claim ends, and so does the last level. */
  @Override
  public void end() {
    closeClaim();
    closeLeaf(null);
  }

  private interface SegmentReader<T> {
    void read(T target, X12Segment segment);
  }

  @Override
  protected void fault(X12Fault fault) {
    switch (loop) {
      case CLAIM, OTHER_PAYER, LINE -> claim.fault(fault);
      case PATIENT -> patient.fault(fault);
      case SUBSCRIBER -> subscriber.fault(fault);
      case BILLING -> billing.fault(fault);
      default -> {
        // header segments (1000A/B) are not read
      }
    }
  }

  private void level(X12Segment s) {
    closeClaim();
    String id = s.element(1).trim();
    String parent = s.element(2).trim();
    closeLeaf(parent);
    nameLoop = "";
    String level = s.element(3).trim();
    switch (level) {
      case "20" -> {
        billing = new PartyDraft(id, s);
        subscriber = null;
        patient = null;
        loop = Loop.BILLING;
      }
      case "22" -> {
        subscriber = new PartyDraft(id, s);
        patient = null;
        leaf = subscriber;
        loop = Loop.SUBSCRIBER;
        if (billing == null || !billing.hlId.equals(parent)) {
          subscriber.fault(X12Fault.of(s, new BadValue("HL02", "HL02 parent '" + parent
              + "' of subscriber level HL01 '" + id + "' is not the billing provider level (HL03 20) above it")));
        }
      }
      case "23" -> {
        patient = new PartyDraft(id, s);
        leaf = patient;
        loop = Loop.PATIENT;
        if (subscriber == null || !subscriber.hlId.equals(parent)) {
          patient.fault(X12Fault.of(s, new BadValue("HL02", "HL02 parent '" + parent
              + "' of patient level HL01 '" + id + "' is not the subscriber level (HL03 22) above it")));
        }
      }
      default -> {
        // Claims under a level the 837 does not define cannot be placed: refuse them, keep reading.
        patient = new PartyDraft(id, s);
        leaf = patient;
        loop = Loop.PATIENT;
        patient.fault(X12Fault.of(s, new BadValue("HL03",
            "HL03 '" + level + "' is not an 837 hierarchical level (20, 22, 23)")));
      }
    }
  }

  /** A subscriber or patient level that ends without a claim and without a level under it has lost its claim. */
  private void closeLeaf(String nextParent) {
    if (leaf != null && leaf.claims == 0 && !leaf.hlId.equals(nextParent)) {
      String what = leaf == subscriber ? "subscriber level (2000B)" : "patient level (2000C)";
      ClaimRejection rejection = ClaimRejection.of(X12Fault.of(leaf.hl, what + " HL01 '" + leaf.hlId
          + "' has no claim: CLM is missing"), ClaimRejection.Scope.CLAIM, null,
          subscriber == null ? null : subscriber.memberId);
      sink.accept(ParsedClaim.rejected(origins.of(leaf.hl.line(), lastLine()), rejection));
    }
    leaf = null;
  }

  private void name(X12Segment s) {
    nameLoop = s.element(1).trim();
    switch (loop) {
      case BILLING -> {
        if (nameLoop.equals("85")) {
          billing.named = true;
          billing.npi = Claim837.npi(s);
        }
      }
      case SUBSCRIBER -> {
        if (nameLoop.equals("IL")) {
          subscriber.name(s);
          subscriber.memberId = s.required(9);
        }
      }
      case PATIENT -> {
        if (nameLoop.equals("QC")) {
          patient.name(s);
        }
      }
      case CLAIM -> claim.provider(s);
      default -> {
        // 1000A/B submitter and receiver, 2330 other payers, 2420 line providers
      }
    }
  }

  /** N3, N4 and DMG describe the member only in 2010BA (after NM1*IL) and 2010CA (after NM1*QC). */
  private void ifPerson(X12Segment s, SegmentReader<X12Person> reader) {
    if (loop == Loop.SUBSCRIBER && nameLoop.equals("IL")) {
      reader.read(subscriber.person, s);
    } else if (loop == Loop.PATIENT && nameLoop.equals("QC")) {
      reader.read(patient.person, s);
    }
  }

  /** SBR after the claim data opens another payer's loop (2320), not a new subscriber. */
  private void otherPayer() {
    if (loop == Loop.CLAIM || loop == Loop.LINE) {
      loop = Loop.OTHER_PAYER;
      nameLoop = "";
    }
  }

  private void openClaim(X12Segment s) {
    closeClaim();
    claim = new Claim837(type, s, billing, subscriber, patient);
    loop = Loop.CLAIM;
    nameLoop = "";
    if (subscriber == null) {
      claim.fault(X12Fault.of(s, "CLM is not inside a subscriber level (2000B, HL03 22): the claim has no member"));
    } else {
      (patient != null ? patient : subscriber).claims++;
    }
    claim.header();
  }

  private void date(X12Segment s) {
    if (loop == Loop.CLAIM) {
      claim.claimDate(s);
    } else if (loop == Loop.LINE) {
      claim.lineDate(s);
    }
  }

  private void inClaim(X12Segment s, SegmentReader<Claim837> reader) {
    if (loop == Loop.CLAIM) {
      reader.read(claim, s);
    }
  }

  private void serviceLine(X12Segment s) {
    if (claim == null) {
      return; // a service line without its claim: the level it is in reports the missing CLM
    }
    loop = Loop.LINE;
    nameLoop = "";
    claim.serviceLine(s);
  }

  private void inLine(X12Segment s, SegmentReader<Claim837> reader) {
    if (loop == Loop.LINE) {
      reader.read(claim, s);
    }
  }

  private void closeClaim() {
    if (claim != null) {
      Claim837 closing = claim;
      claim = null;
      sink.accept(closing.close(origins.of(closing.clm().line(), lastLine())));
    }
  }
}
