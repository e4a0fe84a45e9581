package org.casemgmt.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseKindTest {

  @ParameterizedTest(name = "{0} runs on {1}")
  @CsvSource({
      "jdbc:postgresql://127.0.0.1:5432/casemgmt,     ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect",
      "jdbc:postgresql://db.example.org/cm?ssl=true, ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect",
      "jdbc:h2:file:./data/adapter,                  ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect",
      "jdbc:h2:mem:test,                             ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect"})
  void theDialectFollowsTheJdbcUrl(String url, String dialect) {
    assertThat(DatabaseKind.fromJdbcUrl(url).hibernateDialect()).isEqualTo(dialect);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:mysql://localhost/cm", "postgresql://localhost/cm", ""})
  void anUnsupportedUrlIsRefusedWithTheUrlInTheMessage(String url) {
    assertThatThrownBy(() -> DatabaseKind.fromJdbcUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + url + "'");
  }
}
