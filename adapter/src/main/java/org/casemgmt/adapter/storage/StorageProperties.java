package org.casemgmt.adapter.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage tuning that is ours to choose; the database itself is chosen by {@code spring.datasource.*}.
 *
 * @param jdbcBatchSize how many inserts Hibernate sends in one JDBC batch
 */
@ConfigurationProperties("adapter.storage")
record StorageProperties(@DefaultValue("50") int jdbcBatchSize) {}
