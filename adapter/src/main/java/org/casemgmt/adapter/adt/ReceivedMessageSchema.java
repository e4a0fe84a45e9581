package org.casemgmt.adapter.adt;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings a database from before content digests up to date. Hibernate's schema update adds the digest column and the
 * new unique key but never drops the old key on sender and control id alone, which would refuse every message that
 * reuses a control id. Runs once the entity manager (and with it the schema update) is ready; a no-op after.
 */
@Component
class ReceivedMessageSchema {

  ReceivedMessageSchema(DataSource dataSource, EntityManagerFactory schemaUpdated) {
    new JdbcTemplate(dataSource).execute("ALTER TABLE CM_RECEIVED_MESSAGE DROP CONSTRAINT IF EXISTS"
        + " IDX_CM_RECEIVED_MESSAGE");
  }
}
