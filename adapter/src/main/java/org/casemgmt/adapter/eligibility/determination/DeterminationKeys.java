package org.casemgmt.adapter.eligibility.determination;

import java.util.Collection;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/** The keys of the determinations created so far (see eligibility/schema.sql): a new one is claimed as it is made. */
@Component
class DeterminationKeys {
  private final JdbcTemplate jdbc;

  DeterminationKeys(DataSource dataSource) {
    new ResourceDatabasePopulator(new ClassPathResource("eligibility/schema.sql")).execute(dataSource);
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * Claims the keys in the caller's transaction.
   *
   * @throws org.springframework.dao.DataIntegrityViolationException when another evaluation created one of these
   *     determinations first (its transaction committed, or it commits while this one waits on the key)
   */
  void claim(Collection<String> identifiers) {
    jdbc.batchUpdate("INSERT INTO cm_determination_key (identifier) VALUES (?)", identifiers, identifiers.size(),
        (statement, identifier) -> statement.setString(1, identifier));
  }
}
