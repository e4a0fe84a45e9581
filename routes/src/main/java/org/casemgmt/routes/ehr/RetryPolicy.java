package org.casemgmt.routes.ehr;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which failures are worth another attempt, and how long to pause first. Transient: no response in time, a dropped
 * or refused connection, 429 Too Many Requests and 5xx. The pause doubles from the initial backoff up to the
 * maximum; a Retry-After (seconds or an HTTP date) replaces it, and one asking for longer than the maximum gives up,
 * since holding the poll that long would starve the next.
 */
final class RetryPolicy {
  private final EhrSource.Retry settings;

  RetryPolicy(EhrSource.Retry settings) {
    this.settings = settings;
  }

  static boolean isTransient(int status) {
    return status == 429 || status >= 500;
  }

  int maxAttempts() {
    return settings.maxAttempts();
  }

  /**
   * The pause before the next attempt after {@code attempt} (1 for the first) failed transiently.
   *
   * @param retryAfter what the server asked for, or null
   * @return the pause, or empty when the attempts are used up or the server asks for more than the maximum
   */
  Optional<Duration> pauseAfter(int attempt, Duration retryAfter) {
    if (attempt >= settings.maxAttempts()) {
      return Optional.empty();
    }
    if (retryAfter != null) {
      return retryAfter.compareTo(settings.maxBackoff()) > 0 ? Optional.empty() : Optional.of(retryAfter);
    }
    Duration pause = settings.initialBackoff();
    for (int doubled = 1; doubled < attempt && pause.compareTo(settings.maxBackoff()) < 0; doubled++) {
      pause = pause.multipliedBy(2);
    }
    return Optional.of(pause.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : pause);
  }

  /** A Retry-After header's pause from now, or null when it is absent or unreadable. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
