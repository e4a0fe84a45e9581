package org.casemgmt.adapter.eligibility.current;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic re-evaluation.
 *
 * @param enabled whether new evidence and the daily pass re-evaluate clients at all
 * @param cron when the daily pass runs (Spring cron, six fields, the service's time zone); {@code -} turns it off
 * @param poll how often a node looks for clients queued by another node or before a restart (its own writes wake
 *     it at once)
 * @param lease how long a node holds the clients it is evaluating before another node may take them over
 * @param batch the most clients a node takes from the queue at once (their records read and determinations written
 *     together)
 * @param workers the threads of a node taking batches from the queue, side by side; one leaves the other core of a
 *     two-core machine to the feeds that queue the clients
 */
@ConfigurationProperties("adapter.eligibility.reevaluation")
record ReevaluationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 4 * * *") String cron,
    @DefaultValue("PT5S") Duration poll, @DefaultValue("PT10M") Duration lease, @DefaultValue("100") int batch,
    @DefaultValue("1") int workers) {}
