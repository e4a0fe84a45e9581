package org.casemgmt.adapter.claims;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The claims feed's settings ({@code adapter.claims.*}).
 *
 * @param inbox         the folder claim files are dropped into
 * @param staging       how rows are loaded: AUTO (COPY on PostgreSQL, JDBC batches elsewhere), COPY or JDBC_BATCH
 * @param chunkSize     claims staged per transaction: the unit a killed job resumes after
 * @param memberChunk   members whose evidence is derived per step transaction
 * @param writers       writers deriving the members' evidence side by side, each its own share of the members
 * @param progressEvery log progress every this many claims
 */
@ConfigurationProperties("adapter.claims")
record ClaimsProperties(String inbox, StagingMethod.Kind staging, int chunkSize, int memberChunk, int writers,
    int progressEvery) {

  ClaimsProperties {
    staging = staging == null ? StagingMethod.Kind.AUTO : staging;
    chunkSize = chunkSize <= 0 ? 2000 : chunkSize;
    memberChunk = memberChunk <= 0 ? 100 : memberChunk;
    writers = writers <= 0 ? 2 : writers;
    progressEvery = progressEvery <= 0 ? 100_000 : progressEvery;
  }
}
