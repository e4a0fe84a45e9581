package org.casemgmt.routes.ehr;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to an EHR (or its token endpoint) and retries it through transient failures; what comes back is
 * the first reply that is not transient (success or a refusal the caller judges). Retries pause on the calling
 * thread: each source polls on a thread of its own, so one EHR's troubles never hold up another's.
 */
final class Transport {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);

  private final String sourceId;
  private final HttpClient http;
  private final Duration readTimeout;
  private final RetryPolicy retry;
  private final EhrSourceStatus status;
  private final Clock clock;

  Transport(EhrSource source, EhrSourceStatus status, Clock clock) {
    this.sourceId = source.id();
    // HTTP/1.1: no h2c upgrade attempts against servers and proxies that mishandle them.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(source.timeouts().connect()).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.readTimeout = source.timeouts().read();
    this.retry = new RetryPolicy(source.retry());
    this.status = status;
    this.clock = clock;
  }

  /**
   * @param request builds each attempt afresh (a client assertion must not be sent twice)
   * @param what    names the request in failures and logs, e.g. {@code GET /Encounter}
   */
  HttpResponse<String> send(Supplier<HttpRequest.Builder> request, String what) throws EhrFailure {
    for (int attempt = 1; ; attempt++) {
      String failure;
      Duration retryAfter = null;
      try {
        HttpResponse<String> response = http.send(request.get().timeout(readTimeout).build(),
            HttpResponse.BodyHandlers.ofString());
        if (!RetryPolicy.isTransient(response.statusCode())) {
          return response;
        }
        failure = "HTTP " + response.statusCode();
        retryAfter = RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null),
            clock.instant());
      } catch (HttpTimeoutException timeout) {
        failure = "no response within " + readTimeout.toMillis() + " ms";
      } catch (IOException dropped) {
        failure = dropped.getClass().getSimpleName()
            + (dropped.getMessage() == null ? "" : " (" + dropped.getMessage() + ")");
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new EhrFailure(what + ": interrupted (the service is stopping)");
      }
      Optional<Duration> pause = retry.pauseAfter(attempt, retryAfter);
      if (pause.isEmpty()) {
        throw new EhrFailure(what + ": " + failure + (attempt >= retry.maxAttempts()
            ? " after " + attempt + " attempt(s)"
            : ", Retry-After " + retryAfter.toSeconds() + " s exceeds retry.max-backoff"));
      }
      status.retried();
      log.info("EHR {}: {} failed ({}); attempt {} of {} in {} ms", sourceId, what, failure, attempt + 1,
          retry.maxAttempts(), pause.get().toMillis());
      sleep(pause.get(), what);
    }
  }

  private static void sleep(Duration pause, String what) throws EhrFailure {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EhrFailure(what + ": interrupted (the service is stopping)");
    }
  }
}
