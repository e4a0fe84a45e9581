package org.casemgmt.routes.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which replies are retried, and after what pause. */
class RetryPolicyTest {
  // 4 attempts, 1 s doubling, at most 5 s.
  private final RetryPolicy policy = new RetryPolicy(new EhrSource.Retry(4, Duration.ofSeconds(1),
      Duration.ofSeconds(5)));

  @ParameterizedTest(name = "HTTP {0} transient: {1}")
  @CsvSource({
      "200, false", "400, false", "401, false", "403, false", "404, false", "410, false", "422, false",
      "429, true", "500, true", "502, true", "503, true", "504, true"})
  void tooManyRequestsAndServerErrorsAreTransientOtherRefusalsArePermanent(int status, boolean transientStatus) {
    assertThat(RetryPolicy.isTransient(status)).isEqualTo(transientStatus);
  }

  @ParameterizedTest(name = "after attempt {0} (Retry-After {1}): pause {2}")
  @CsvSource(nullValues = "-", value = {
      // attempt, Retry-After seconds, pause seconds (- = give up)
      "1, -, 1",    // doubling from the initial backoff
      "2, -, 2",
      "3, -, 4",
      "4, -, -",    // the fourth attempt was the last
      "1, 3, 3",    // the server's Retry-After replaces the backoff
      "2, 0, 0",
      "1, 6, -",    // longer than the maximum: give up this poll
      "4, 1, -"})
  void pausesDoubleUpToTheMaximumAndFollowRetryAfter(int attempt, Integer retryAfter, Integer pause) {
    assertThat(policy.pauseAfter(attempt, retryAfter == null ? null : Duration.ofSeconds(retryAfter)))
        .isEqualTo(pause == null ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofSeconds(pause)));
  }

  @ParameterizedTest(name = "{0}: capped at 5 s")
  @CsvSource({"3", "4"})
  void theBackoffNeverExceedsTheMaximum(int attempt) {
    RetryPolicy many = new RetryPolicy(new EhrSource.Retry(10, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    assertThat(many.pauseAfter(attempt, null)).contains(Duration.ofSeconds(5));
  }

  @ParameterizedTest(name = "Retry-After ''{0}'' = {1} s")
  @CsvSource(nullValues = "-", value = {
      "'120', 120",
      "' 7 ', 7",
      "'Wed, 21 Oct 2026 07:28:30 GMT', 30",  // an HTTP date, 30 s after "now" below
      "'Wed, 21 Oct 2026 07:27:00 GMT', 0",   // already past
      "'soon', -",
      "'', -"})
  void retryAfterIsReadAsSecondsOrAnHttpDate(String header, Integer seconds) {
    Instant now = Instant.parse("2026-10-21T07:28:00Z");
    assertThat(RetryPolicy.retryAfter(header, now)).isEqualTo(seconds == null ? null : Duration.ofSeconds(seconds));
  }
}
