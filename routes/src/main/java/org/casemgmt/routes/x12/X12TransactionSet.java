package org.casemgmt.routes.x12;

import org.casemgmt.routes.files.BadValue;

/**
 * A feed's reader of one transaction set, segment by segment. A value that cannot be taken ({@link BadValue}) is a
 * fault of the loop or item being read, located at its segment; the reading goes on with the next segment.
 */
public abstract class X12TransactionSet implements X12Transactions.TransactionSet {
  private int lastLine;

  @Override
  public final void segment(X12Segment segment) {
    try {
      read(segment);
    } catch (BadValue problem) {
      fault(X12Fault.of(segment, problem));
    } finally {
      // after the segment: an item or loop that the next segment closes ends on this line
      lastLine = segment.line();
    }
  }

  /** Takes one segment into the item or loop being read. */
  protected abstract void read(X12Segment segment);

  /** A fault found in the item or loop being read. */
  protected abstract void fault(X12Fault fault);

  /** The line of the last segment read. */
  protected int lastLine() {
    return lastLine;
  }
}
