package org.casemgmt.adapter.eligibility.population;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Population runs.
 *
 * @param chunkSize clients read, judged and recorded together in one transaction
 * @param progressEvery a progress log line every this many clients
 * @param threads chunks evaluated at once: one thread's database round trips leave a core idle that another's
 *     judging and parsing can use
 */
@ConfigurationProperties("adapter.eligibility.population")
record PopulationRunProperties(@DefaultValue("200") int chunkSize, @DefaultValue("5000") int progressEvery,
    @DefaultValue("2") int threads) {
}
