package org.casemgmt.adapter.eligibility.current;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic re-evaluation.
 *
 * @param enabled whether new evidence and the daily pass re-evaluate clients at all
 * @param cron when the daily pass runs (Spring cron, six fields, the service's time zone); {@code -} turns it off
 * @param queueCapacity the most clients waiting for re-evaluation at once; each is held once however often new
 *     evidence names them, so this bounds memory (about 100 bytes a client) whatever a feed sends
 */
@ConfigurationProperties("adapter.eligibility.reevaluation")
record ReevaluationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 4 * * *") String cron,
    @DefaultValue("100000") int queueCapacity) {}
