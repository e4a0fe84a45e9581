package org.casemgmt.adapter.reporting.export;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk export ({@code $export}): where its files go and how big they get.
 *
 * @param directory where the NDJSON files are written; shared storage when several nodes serve the API
 * @param maxFileBytes a file is closed once it holds this many bytes (the next resource starts a new one)
 * @param batchBytes about how many bytes of resources are loaded from the store at once: what bounds the heap
 * @param retention how long a finished export's files stay (the manifest's Expires)
 * @param pollInterval how often a node looks for an export to run
 * @param staleAfter a running export whose node has not reported for this long is started again by any node
 */
@ConfigurationProperties("adapter.export")
public record ExportProperties(
    @DefaultValue("./data/export") Path directory,
    @DefaultValue("104857600") long maxFileBytes,
    @DefaultValue("8388608") long batchBytes,
    @DefaultValue("PT24H") Duration retention,
    @DefaultValue("PT1S") Duration pollInterval,
    @DefaultValue("PT5M") Duration staleAfter) {}
