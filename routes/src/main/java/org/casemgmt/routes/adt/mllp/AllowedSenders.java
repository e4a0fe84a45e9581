package org.casemgmt.routes.adt.mllp;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import org.casemgmt.routes.adt.mllp.MllpListenerSettings.AllowedSender;

/**
 * Who may send, read from {@code adapter.mllp.allowed-senders}. A host is asked twice: when it connects (does any
 * entry name its address?) and for each message (does an entry for its address allow the message's sending
 * facility?). An empty list allows everyone, so a first run and the demo need no network plan.
 */
public final class AllowedSenders {
  private final List<AllowedSender> entries;

  public AllowedSenders(List<AllowedSender> entries) {
    this.entries = List.copyOf(entries);
  }

  public boolean allowAll() {
    return entries.isEmpty();
  }

  /** Whether a host at this address may connect at all. */
  public boolean mayConnect(InetAddress address) {
    return allowAll() || entries.stream().anyMatch(entry -> entry.address().contains(address));
  }

  /**
   * Whether a host at this address may send a message for this facility, given by the ids of its MSH-4 (namespace id
   * and universal id, whichever it has; none when MSH-4 is empty).
   */
  public boolean maySend(InetAddress address, Collection<String> sendingFacility) {
    return allowAll() || entries.stream()
        .anyMatch(entry -> entry.address().contains(address) && entry.allowsFacility(sendingFacility));
  }

  @Override
  public String toString() {
    return allowAll() ? "any host, any facility" : entries.toString();
  }
}
