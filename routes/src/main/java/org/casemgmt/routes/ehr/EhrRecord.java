package org.casemgmt.routes.ehr;

import java.util.List;
import java.util.Optional;

/**
 * Where pulled pages are handed over to be recorded on the unified client record; the adapter implements it.
 * Recording is synchronous: when it returns, the page, the dead letters of what it refused and its watermark are
 * committed together, so the next poll asks from there and nothing is recorded or lost twice.
 */
public interface EhrRecord {

  /**
   * What a page came to.
   *
   * @param created     resources new to the record
   * @param updated     stored resources the page changed
   * @param unchanged   resources the record already held as the page has them (nothing written)
   * @param deadLetters the dead letters kept for the resources that could not be recorded, with the reasons
   */
  record PageOutcome(int created, int updated, int unchanged, List<Long> deadLetters) {
    public PageOutcome {
      deadLetters = List.copyOf(deadLetters);
    }
  }

  /** A page made ready to be recorded. */
  interface Prepared {
    EhrPage page();
  }

  /**
   * What can be done for a page before its turn, writing nothing (checking what the EHR sent against the record's
   * profiles): the poll prepares each page on a thread of its own while the page before it is being recorded.
   */
  default Prepared prepare(EhrPage page) {
    return () -> page;
  }

  /**
   * Records a prepared page in one transaction: its clients, resources and Provenance, dead letters for what is
   * refused (the rest is recorded), and its watermark when it has one.
   *
   * @throws RuntimeException when storage fails; nothing was written and the watermark stays where it was
   */
  PageOutcome record(Prepared page);

  /** The {@code _lastUpdated} of a source's resource type after which its next poll asks, if it has polled. */
  Optional<String> watermark(String sourceId, String resourceType);
}
