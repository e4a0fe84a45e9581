package org.casemgmt.adapter.enrollment;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.casemgmt.adapter.eligibility.record.CoverageTypes;
import org.casemgmt.adapter.files.FeedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The enrollment feed: its tables (created at start-up), its files, and a check that the coverage it records counts as
 * Medicaid for the eligibility rules, which would otherwise never see it.
 */
@Configuration
class EnrollmentConfig {
  private static final Logger log = LoggerFactory.getLogger(EnrollmentConfig.class);

  /** The enrollment files received (cm_enrollment_file), their jobs' runs and their replay. */
  @Bean
  FeedFiles enrollmentFiles(JdbcTemplate jdbc, JobExplorer jobExplorer, JobRepository jobRepository,
      EnrollmentProperties properties, CoverageTypes coverageTypes, DataSource dataSource, Clock clock) {
    if (!coverageTypes.medicaid().contains(properties.coverageType())) {
      throw new IllegalStateException("adapter.enrollment.coverage-type " + properties.coverageType()
          + " is not one of adapter.eligibility.coverage-types.medicaid " + coverageTypes.medicaid()
          + ": the enrolled members' coverage would not count as Medicaid");
    }
    new ResourceDatabasePopulator(new ClassPathResource("enrollment/schema.sql")).execute(dataSource);
    log.info("Enrollment inbox {}: Medicaid member id in REF*{}, coverage type {}, {} county codes, {} members per"
        + " chunk", properties.inbox(), properties.memberIdQualifier(), properties.coverageType(),
        properties.countyCodes().size(), properties.chunkSize());
    return new FeedFiles(jdbc, jobExplorer, jobRepository, "cm_enrollment_file", "enrollment file",
        EnrollmentFileJob.NAME, Path.of(properties.inbox()), clock);
  }
}
