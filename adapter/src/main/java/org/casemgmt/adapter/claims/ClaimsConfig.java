package org.casemgmt.adapter.claims;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.casemgmt.adapter.files.FeedFiles;
import org.casemgmt.adapter.storage.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The claims feed: its staging tables (created or brought up to date at start-up), loading method and files. */
@Configuration
@EnableConfigurationProperties(ClaimsProperties.class)
class ClaimsConfig {
  private static final Logger log = LoggerFactory.getLogger(ClaimsConfig.class);

  @Bean
  StagingMethod stagingMethod(ClaimsProperties properties, DataSource dataSource, DataSourceProperties database) {
    new ResourceDatabasePopulator(new ClassPathResource("claims/staging-schema.sql")).execute(dataSource);
    boolean postgres = DatabaseKind.fromJdbcUrl(database.getUrl()) == DatabaseKind.POSTGRESQL;
    StagingMethod.Kind kind = properties.staging() == StagingMethod.Kind.AUTO
        ? (postgres ? StagingMethod.Kind.COPY : StagingMethod.Kind.JDBC_BATCH) : properties.staging();
    if (kind == StagingMethod.Kind.COPY && !postgres) {
      throw new IllegalStateException("adapter.claims.staging=COPY needs PostgreSQL; this database is "
          + DatabaseKind.fromJdbcUrl(database.getUrl()));
    }
    log.info("Claims inbox {}: staging by {}, {} claims per chunk, evidence for {} members per chunk",
        properties.inbox(), kind, properties.chunkSize(), properties.memberChunk());
    return kind == StagingMethod.Kind.COPY ? new CopyStaging(dataSource) : new JdbcBatchStaging(new JdbcTemplate(
        dataSource));
  }

  /** The claim files received (cm_claim_file), their jobs' runs and their replay. */
  @Bean
  FeedFiles claimFiles(JdbcTemplate jdbc, JobExplorer jobExplorer, JobRepository jobRepository,
      ClaimsProperties properties, Clock clock) {
    return new FeedFiles(jdbc, jobExplorer, jobRepository, "cm_claim_file", "claim file", ClaimFileJob.NAME,
        Path.of(properties.inbox()), clock);
  }
}
