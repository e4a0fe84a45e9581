package org.casemgmt.adapter.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one HTTP request may ask of the service, so that no caller starves the others or the heap.
 *
 * @param maxRequestBytes the largest request body; a larger one is refused with 413 before it is read
 * @param maxBundleEntries the most entries of a transaction or batch
 * @param maxBundleSearches the most searches (GET entries) of a batch or transaction
 * @param maxCount the largest {@code _count} accepted (the page size is capped lower by
 *     {@code adapter.fhir.max-page-size}); larger, negative or non-numeric values are a 400
 * @param heavyRequests how many requests that pull in other resources ({@code _include}, {@code _revinclude},
 *     {@code $everything}, type and system {@code _history}) run at once
 * @param heavyRequestWait how long one of those waits for its turn before it is told to retry later (429)
 */
@ConfigurationProperties("adapter.limits")
public record LimitProperties(
    @DefaultValue("16777216") long maxRequestBytes,
    @DefaultValue("5000") int maxBundleEntries,
    @DefaultValue("100") int maxBundleSearches,
    @DefaultValue("10000") int maxCount,
    @DefaultValue("4") int heavyRequests,
    @DefaultValue("PT30S") Duration heavyRequestWait) {}
