package org.casemgmt.routes.careplan;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Individualized Service Plans are sent when they become active or change while active.
 *
 * @param endpoints the EHRs that receive every ISP; none configured means nothing is sent
 * @param identifierSystem the identifier system under which the copies are kept at the receivers: a plan is
 *     {@code <system>|<its id here>}, a goal {@code <system>-goal|<its id here>}; conditional updates on it keep the
 *     receiver idempotent. Each deployment sending to the same EHR needs a system of its own
 * @param pollInterval how often the outbox is checked for sends that are due (retries, sends left by a restart);
 *     a committed change is sent at once without waiting for it
 */
@ConfigurationProperties("adapter.careplan.exchange")
public record CarePlanExchangeProperties(
    @DefaultValue List<Endpoint> endpoints,
    @DefaultValue("https://fhir.casemgmt-adapter.org/sid/isp") String identifierSystem,
    @DefaultValue("5s") Duration pollInterval) {

  public CarePlanExchangeProperties {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Endpoint endpoint : endpoints) {
      if (!ids.add(endpoint.id())) {
        throw new IllegalArgumentException("adapter.careplan.exchange.endpoints: id " + endpoint.id() + " twice");
      }
    }
  }

  /** How a receiver wants to be authenticated. */
  public enum Auth { NONE, BASIC, BEARER }

  /**
   * One EHR's FHIR API.
   *
   * @param id a short name, unique among the endpoints (logs, dead letters, the outbox)
   * @param baseUrl the FHIR base URL the transaction Bundle is POSTed to
   * @param auth none, basic (username, password) or bearer (token)
   * @param timeout how long one send may take, connecting included
   * @param retries further attempts after a failed one (5xx, 408, 429, timeout, connection refused) before the send is
   *     given up into the dead-letter store; a 4xx answer is not retried
   * @param backoff the wait before the first retry; it doubles with each further retry, up to an hour
   * @param patientIdentifierSystem the identifier system the EHR knows clients by (its MRNs); the client is named by
   *     their identifier in it when they have one, otherwise by their first identifier
   */
  public record Endpoint(String id, String baseUrl, @DefaultValue("NONE") Auth auth, String username,
      String password, String token, @DefaultValue("10s") Duration timeout, @DefaultValue("5") int retries,
      @DefaultValue("30s") Duration backoff, String patientIdentifierSystem) {

    public Endpoint {
      if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9._-]{1,40}")) {
        throw new IllegalArgumentException("adapter.careplan.exchange.endpoints: id must be 1-40 letters, digits,"
            + " '.', '_' or '-', was: " + id);
      }
      if (baseUrl == null || !baseUrl.matches("https?://.+")) {
        throw new IllegalArgumentException("adapter.careplan.exchange.endpoints[" + id
            + "].base-url must be an http(s) URL, was: " + baseUrl);
      }
      if (auth == Auth.BASIC && (username == null || password == null)) {
        throw new IllegalArgumentException("adapter.careplan.exchange.endpoints[" + id
            + "]: basic auth needs username and password");
      }
      if (auth == Auth.BEARER && (token == null || token.isBlank())) {
        throw new IllegalArgumentException("adapter.careplan.exchange.endpoints[" + id + "]: bearer auth needs token");
      }
      if (retries < 0) {
        throw new IllegalArgumentException("adapter.careplan.exchange.endpoints[" + id + "].retries is negative");
      }
    }

    /** The wait before retry number {@code retry} (1 for the first): the backoff, doubled for each further one. */
    public Duration delayBefore(int retry) {
      Duration delay = backoff;
      for (int i = 1; i < retry && delay.compareTo(Duration.ofHours(1)) < 0; i++) {
        delay = delay.multipliedBy(2);
      }
      return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }

    /** Settings for the start-up log: never the secrets. */
    @Override
    public String toString() {
      return id + " " + baseUrl + " (auth " + auth.name().toLowerCase() + ", timeout " + timeout + ", "
          + retries + " retries from " + backoff + ")";
    }
  }
}
