package org.casemgmt.adapter.storage;

import java.util.Arrays;

/**
 * The databases the adapter runs on, recognised from the JDBC URL so that setting
 * {@code spring.datasource.url} is all it takes to switch.
 */
public enum DatabaseKind {
  POSTGRESQL("jdbc:postgresql:", "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect"),
  H2("jdbc:h2:", "ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect");

  private final String urlPrefix;
  private final String hibernateDialect;

  DatabaseKind(String urlPrefix, String hibernateDialect) {
    this.urlPrefix = urlPrefix;
    this.hibernateDialect = hibernateDialect;
  }

  public static DatabaseKind fromJdbcUrl(String url) {
    return Arrays.stream(values())
        .filter(kind -> url != null && url.startsWith(kind.urlPrefix))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Unsupported spring.datasource.url '" + url + "': use a jdbc:postgresql: or jdbc:h2: URL"));
  }

  String hibernateDialect() {
    return hibernateDialect;
  }
}
