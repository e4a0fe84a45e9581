package org.casemgmt.routes.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.casemgmt.routes.careplan.CarePlanDelivery.Answer;
import org.casemgmt.routes.careplan.CarePlanExchangeProperties.Auth;
import org.casemgmt.routes.careplan.CarePlanExchangeProperties.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an EHR's answer means for a send, when the next retry comes, and which endpoint settings start at all. */
class CarePlanDeliveryRulesTest {

  @ParameterizedTest(name = "HTTP {0}: {1}")
  @CsvSource({
      "200, TAKEN", "201, TAKEN", "204, TAKEN",
      "400, REFUSED", "401, REFUSED", "403, REFUSED", "404, REFUSED", "409, REFUSED", "412, REFUSED",
      "422, REFUSED",
      "408, TRY_AGAIN", "429, TRY_AGAIN", "500, TRY_AGAIN", "502, TRY_AGAIN", "503, TRY_AGAIN", "504, TRY_AGAIN",
      "302, REFUSED"})
  void anAnswerIsTakenRefusedOrTriedAgain(int status, Answer expected) {
    assertThat(Answer.of(status)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "retry {1} after {2} with backoff {0}")
  @CsvSource({
      "PT30S, 1, PT30S", "PT30S, 2, PT1M", "PT30S, 3, PT2M", "PT30S, 8, PT1H",
      "PT0.2S, 3, PT0.8S", "PT40M, 2, PT1H", "PT2H, 1, PT1H"})
  void eachRetryWaitsTwiceAsLongUpToAnHour(Duration backoff, int retry, Duration expected) {
    assertThat(endpoint("ehr", "https://ehr.example/fhir", Auth.NONE, null, null, null, backoff)
        .delayBefore(retry)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "an id with a space; county ehr; https://ehr.example/fhir; NONE; ; ; ; id must be",
      "a base URL that is no http URL; county; ftp://ehr.example/fhir; NONE; ; ; ; base-url must be an http(s) URL",
      "basic auth without a password; county; https://ehr.example/fhir; BASIC; adapter; ; ; basic auth needs",
      "bearer auth without a token; county; https://ehr.example/fhir; BEARER; ; ; ; bearer auth needs token"})
  void anEndpointThatCannotWorkStopsTheStartWithTheReason(String why, String id, String url, Auth auth,
      String username, String password, String token, String message) {
    assertThatThrownBy(() -> endpoint(id, url, auth, username, password, token, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void theSettingsInTheLogNameNoSecret() {
    Endpoint endpoint = endpoint("county", "https://ehr.example/fhir", Auth.BEARER, null, null, "t0k3n",
        Duration.ofSeconds(30));
    assertThat(endpoint.toString()).contains("county", "https://ehr.example/fhir", "bearer").doesNotContain("t0k3n");
  }

  private static Endpoint endpoint(String id, String url, Auth auth, String username, String password, String token,
      Duration backoff) {
    return new Endpoint(id, url, auth, username, password, token, Duration.ofSeconds(10), 5, backoff, null);
  }
}
