package org.casemgmt.adapter.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupReportTest {

  @ParameterizedTest
  @CsvSource({
      "jdbc:postgresql://db:5432/cm?user=svc&password=secret, jdbc:postgresql://db:5432/cm",
      "jdbc:h2:file:./data/adapter;PASSWORD=secret,           jdbc:h2:file:./data/adapter",
      "jdbc:h2:file:./data/adapter,                           jdbc:h2:file:./data/adapter"})
  void theLoggedDatabaseUrlCarriesNoCredentials(String configured, String logged) {
    assertThat(StartupReport.withoutCredentials(configured)).isEqualTo(logged);
  }
}
