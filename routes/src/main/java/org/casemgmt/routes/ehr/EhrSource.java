package org.casemgmt.routes.ehr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One EHR whose FHIR API is polled ({@code adapter.ehr.sources[]}). Left-out settings take the defaults below; what
 * cannot work (a missing URL, a key that cannot be read) is listed by {@link #problems()} and stops start-up.
 *
 * @param id                   short name: routes, health, dead letters ({@code ehr-<id>}) and watermarks carry it
 * @param baseUrl              the FHIR base, e.g. {@code https://ehr.example.org/fhir/R4}; with the resource type it
 *                             is also the identifier system of what is pulled ({@code <base>/Encounter})
 * @param auth                 how requests authenticate
 * @param pollInterval         pause between the end of one poll and the start of the next (default 5 minutes)
 * @param resourceTypes        what is pulled: Encounter, Condition and Patient (default Encounter and Condition);
 *                             Patients are always fetched as the subjects of what is pulled
 * @param pageSize             {@code _count} asked for (default 100)
 * @param includePatients      ask the server for the subjects with {@code _include} (those it leaves out are
 *                             fetched in one search per page either way)
 * @param mrnSystem            the identifier system of the EHR's medical record numbers (typed MR on the client)
 * @param psychiatricLocations units that make an inpatient stay or emergency visit psychiatric: Location ids or
 *                             displays as the EHR's Encounters name them (site knowledge, like ADT's units)
 * @param timeouts             connect and response timeouts of each request
 * @param retry                how transient failures are retried
 */
public record EhrSource(
    String id,
    String baseUrl,
    Auth auth,
    Duration pollInterval,
    List<String> resourceTypes,
    Integer pageSize,
    boolean includePatients,
    String mrnSystem,
    List<String> psychiatricLocations,
    Timeouts timeouts,
    Retry retry) {

  /** What can be pulled, in the order a poll pulls them: Conditions find the Encounters they name stored. */
  public static final List<String> PULLABLE = List.of("Patient", "Encounter", "Condition");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");

  public EhrSource {
    baseUrl = baseUrl == null ? null : baseUrl.trim().replaceAll("/+$", "");
    auth = Objects.requireNonNullElse(auth, Auth.NONE);
    pollInterval = Objects.requireNonNullElse(pollInterval, Duration.ofMinutes(5));
    // Pulled in PULLABLE's order whatever the order configured.
    resourceTypes = resourceTypes == null || resourceTypes.isEmpty() ? List.of("Encounter", "Condition")
        : PULLABLE.containsAll(resourceTypes) ? PULLABLE.stream().filter(resourceTypes::contains).toList()
        : List.copyOf(resourceTypes);
    pageSize = pageSize == null ? 100 : pageSize;
    mrnSystem = mrnSystem == null || mrnSystem.isBlank() ? null : mrnSystem.trim();
    psychiatricLocations = psychiatricLocations == null ? List.of()
        : psychiatricLocations.stream().map(l -> l.trim().toLowerCase(Locale.ROOT)).toList();
    timeouts = Objects.requireNonNullElse(timeouts, new Timeouts(null, null));
    retry = Objects.requireNonNullElse(retry, new Retry(null, null, null));
  }

  /** The feed name of its dead letters and replays. */
  public String feed() {
    return "ehr-" + id;
  }

  /** The identifier system of this EHR's resources of one type: {@code <base>/<type>}. */
  public String system(String resourceType) {
    return baseUrl + "/" + resourceType;
  }

  /** Everything that would keep this source from working, each naming its setting; empty when it can run. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (id == null || !ID.matcher(id).matches()) {
      problems.add("id '" + id + "' must be 1 to 30 lower-case letters, digits or hyphens (it names routes, health"
          + " and dead letters)");
    }
    if (!isHttpUrl(baseUrl)) {
      problems.add("base-url '" + baseUrl + "' is not an absolute http(s) URL");
    }
    if (!PULLABLE.containsAll(resourceTypes)) {
      problems.add("resource-types " + resourceTypes + " may only name " + PULLABLE);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      problems.add("poll-interval must be positive");
    }
    if (pageSize < 1 || pageSize > 1000) {
      problems.add("page-size " + pageSize + " must be between 1 and 1000");
    }
    problems.addAll(timeouts.problems());
    problems.addAll(retry.problems());
    problems.addAll(auth.problems());
    return problems;
  }

  static boolean isHttpUrl(String url) {
    try {
      URI uri = url == null ? null : URI.create(url);
      return uri != null && uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** How requests to the EHR authenticate. */
  public enum AuthType { NONE, BASIC, BEARER, SMART_BACKEND }

  /**
   * Credentials. Secrets (password, token, the private key file) belong in the environment or a file only the
   * service can read, never in the repository; they are never logged.
   *
   * @param type       none, basic, bearer or smart-backend
   * @param username   basic
   * @param password   basic
   * @param token      bearer: a long-lived access token
   * @param clientId   smart-backend: the client id registered with the EHR
   * @param tokenUrl   smart-backend: the EHR's token endpoint
   * @param privateKey smart-backend: path of the RSA private key (PKCS#8 PEM) whose public key the EHR holds
   * @param keyId      smart-backend: {@code kid} of that key in the client's JWK set, if the EHR needs it
   * @param scope      smart-backend: scopes asked for, e.g. {@code system/Encounter.rs system/Condition.rs}
   */
  public record Auth(AuthType type, String username, String password, String token, String clientId,
      String tokenUrl, String privateKey, String keyId, String scope) {
    static final Auth NONE = new Auth(AuthType.NONE, null, null, null, null, null, null, null, null);

    public Auth {
      type = Objects.requireNonNullElse(type, AuthType.NONE);
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      switch (type) {
        case BASIC -> {
          require(username, "auth.username (basic)", problems);
          require(password, "auth.password (basic)", problems);
        }
        case BEARER -> require(token, "auth.token (bearer)", problems);
        case SMART_BACKEND -> {
          require(clientId, "auth.client-id (smart-backend)", problems);
          require(scope, "auth.scope (smart-backend)", problems);
          if (!isHttpUrl(tokenUrl)) {
            problems.add("auth.token-url '" + tokenUrl + "' is not an absolute http(s) URL");
          }
          if (privateKey == null || privateKey.isBlank()) {
            problems.add("auth.private-key (smart-backend) is missing: the path of a PKCS#8 PEM RSA key");
          } else {
            try {
              PemKeys.rsaPrivateKey(Path.of(privateKey));
            } catch (IllegalArgumentException unreadable) {
              problems.add("auth.private-key: " + unreadable.getMessage());
            }
          }
        }
        case NONE -> {
        }
      }
      return problems;
    }

    private static void require(String value, String name, List<String> problems) {
      if (value == null || value.isBlank()) {
        problems.add(name + " is missing");
      }
    }
  }

  /**
   * @param connect how long to wait for a connection (default 10 s)
   * @param read    how long to wait for a response once the request is sent (default 60 s)
   */
  public record Timeouts(Duration connect, Duration read) {
    public Timeouts {
      connect = Objects.requireNonNullElse(connect, Duration.ofSeconds(10));
      read = Objects.requireNonNullElse(read, Duration.ofSeconds(60));
    }

    List<String> problems() {
      return connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()
          ? List.of("timeouts.connect and timeouts.read must be positive") : List.of();
    }
  }

  /**
   * Transient failures (no response in time, a dropped connection, 429, 5xx) are retried after a pause that doubles
   * from {@code initialBackoff} up to {@code maxBackoff}, or as long as the server's Retry-After asks.
   *
   * @param maxAttempts    attempts per request, the first included (default 5)
   * @param initialBackoff pause before the second attempt (default 1 s)
   * @param maxBackoff     longest pause; a Retry-After asking for more gives up this poll (default 2 minutes)
   */
  public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public Retry {
      maxAttempts = maxAttempts == null ? 5 : maxAttempts;
      initialBackoff = Objects.requireNonNullElse(initialBackoff, Duration.ofSeconds(1));
      maxBackoff = Objects.requireNonNullElse(maxBackoff, Duration.ofMinutes(2));
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (maxAttempts < 1) {
        problems.add("retry.max-attempts " + maxAttempts + " must be at least 1");
      }
      if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
        problems.add("retry.initial-backoff must be positive and not above retry.max-backoff");
      }
      return problems;
    }
  }
}
