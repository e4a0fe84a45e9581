package org.casemgmt.routes.ehr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings that cannot work stop start-up, each problem named with its setting; left-out ones take defaults. */
class EhrSettingsTest {

  @Test
  void aSourceWithABaseUrlAloneTakesTheDefaults() {
    EhrSource source = settings(source("north", "https://ehr.example.org/fhir/R4/", null, null)).sources().get(0);

    assertThat(source.baseUrl()).isEqualTo("https://ehr.example.org/fhir/R4");
    assertThat(source.resourceTypes()).containsExactly("Encounter", "Condition");
    assertThat(source.pollInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(source.pageSize()).isEqualTo(100);
    assertThat(source.auth().type()).isEqualTo(EhrSource.AuthType.NONE);
    assertThat(source.retry().maxAttempts()).isEqualTo(5);
    assertThat(source.timeouts().read()).isEqualTo(Duration.ofSeconds(60));
    assertThat(source.system("Encounter")).isEqualTo("https://ehr.example.org/fhir/R4/Encounter");
    assertThat(source.feed()).isEqualTo("ehr-north");
  }

  @Test
  void resourceTypesArePulledPatientsFirstAndConditionsAfterTheirEncounters() {
    EhrSource source = new EhrSource("north", "https://ehr.example.org/fhir", null, null,
        List.of("Condition", "Patient", "Encounter"), null, false, null, null, null, null);
    assertThat(source.resourceTypes()).containsExactly("Patient", "Encounter", "Condition");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "an id with capitals; North; https://ehr.example.org/fhir; none; id 'North' must be 1 to 30 lower-case",
      "a relative base URL; north; /fhir; none; base-url '/fhir' is not an absolute http(s) URL",
      "an ftp base URL; north; ftp://ehr.example.org/fhir; none; base-url 'ftp://ehr.example.org/fhir' is not",
      "basic without credentials; north; https://ehr.example.org/fhir; basic; auth.username (basic) is missing",
      "bearer without a token; north; https://ehr.example.org/fhir; bearer; auth.token (bearer) is missing",
      "smart-backend without its settings; north; https://ehr.example.org/fhir; smart_backend;"
          + " auth.client-id (smart-backend) is missing"})
  void aSourceThatCannotWorkStopsStartUpNamingItsSetting(String name, String id, String baseUrl, String auth,
      String problem) {
    EhrSource.Auth credentials = new EhrSource.Auth(EhrSource.AuthType.valueOf(auth.toUpperCase()), null, null,
        null, null, null, null, null, null);
    assertThatThrownBy(() -> settings(source(id, baseUrl, credentials, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adapter.ehr.sources[0]")
        .hasMessageContaining(problem);
  }

  @Test
  void everyProblemOfEverySourceIsListedAtOnce() {
    EhrSource unknownType = new EhrSource("one", "https://a.example.org/fhir", null, Duration.ZERO,
        List.of("Observation"), 0, false, null, null, null, new EhrSource.Retry(0, null, null));
    EhrSource sameId = source("one", "https://b.example.org/fhir", null, null);

    assertThatThrownBy(() -> settings(unknownType, sameId))
        .hasMessageContaining("adapter.ehr.sources[0] (one): resource-types [Observation] may only name")
        .hasMessageContaining("adapter.ehr.sources[0] (one): poll-interval must be positive")
        .hasMessageContaining("adapter.ehr.sources[0] (one): page-size 0 must be between 1 and 1000")
        .hasMessageContaining("adapter.ehr.sources[0] (one): retry.max-attempts 0 must be at least 1")
        .hasMessageContaining("adapter.ehr.sources[1] (one): id 'one' is used by another source");
  }

  @Test
  void aSmartBackendKeyMustBeAReadableUnencryptedPkcs8RsaKey(@TempDir Path folder) throws Exception {
    Path missing = folder.resolve("missing.pem");
    Path pkcs1 = Files.writeString(folder.resolve("pkcs1.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"
        + "-----END RSA PRIVATE KEY-----\n");
    Path good = Files.writeString(folder.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()
            .getEncoded()) + "\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> settings(source("north", "https://ehr.example.org/fhir", smart(missing), null)))
        .hasMessageContaining("auth.private-key: " + missing + " cannot be read");
    assertThatThrownBy(() -> settings(source("north", "https://ehr.example.org/fhir", smart(pkcs1), null)))
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    assertThat(settings(source("north", "https://ehr.example.org/fhir", smart(good), null)).sources()).hasSize(1);
  }

  private static EhrSource.Auth smart(Path key) {
    return new EhrSource.Auth(EhrSource.AuthType.SMART_BACKEND, null, null, null, "adapter",
        "https://ehr.example.org/oauth2/token", key.toString(), null, "system/Encounter.rs");
  }

  private static EhrSource source(String id, String baseUrl, EhrSource.Auth auth, Duration pollInterval) {
    return new EhrSource(id, baseUrl, auth, pollInterval, null, null, false, null, null, null, null);
  }

  private static EhrSettings settings(EhrSource... sources) {
    return new EhrSettings(List.of(sources), null, null);
  }
}
