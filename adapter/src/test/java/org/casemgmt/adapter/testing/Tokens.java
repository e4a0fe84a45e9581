package org.casemgmt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tokens from the service's embedded issuer, got the way real callers get them: client credentials for systems, and
 * for users the browser's way (authorization request, login form, code, PKCE exchange). The test callers are in
 * {@code src/test/resources/config/application.yml}.
 */
public final class Tokens {
  /** The test administrator (role admin, {@code system/*.cruds}). */
  public static final String ADMIN = "test-admin";
  private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tokens() {}

  /** The test administrator's token from the service at this base URL. */
  public static String admin(String baseUrl) {
    return client(baseUrl, ADMIN, "test-admin-secret", null);
  }

  /** A token of one of the test clients (whose secret is "{@code <id>-secret}"), with its configured scopes. */
  public static String client(String baseUrl, String clientId) {
    return client(baseUrl, clientId, clientId + "-secret", null);
  }

  /** A client-credentials token (the client's configured scopes when {@code scope} is null). */
  public static String client(String baseUrl, String clientId, String secret, String scope) {
    return ISSUED.computeIfAbsent(baseUrl + " " + clientId + " " + scope,
        key -> accessToken(request(baseUrl, clientId, secret, scope)));
  }

  /** The status and body of a client-credentials request, for tests of refusals. */
  public static HttpResponse<String> request(String baseUrl, String clientId, String secret, String scope) {
    String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + encode(scope));
    return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** A user's token through the authorization-code flow with PKCE, as a browser app gets it. */
  public static String user(String baseUrl, String app, String redirectUri, String username, String password,
      String scope) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String verifier = randomText();
    String authorize = baseUrl + "/oauth2/authorize?" + query(Map.of("response_type", "code", "client_id", app,
        "redirect_uri", redirectUri, "scope", scope, "state", randomText(), "code_challenge", challenge(verifier),
        "code_challenge_method", "S256"));
    HttpResponse<String> toLogin = send(browser, HttpRequest.newBuilder(URI.create(authorize))
        .header("Accept", "text/html").GET().build());
    String loginPage = send(browser, HttpRequest.newBuilder(resolve(baseUrl, location(toLogin))).GET().build()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
    if (!csrf.find()) {
      throw new IllegalStateException("The login page has no CSRF token");
    }
    HttpResponse<String> loggedIn = send(browser, HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("username", username, "password", password,
            "_csrf", csrf.group(1))))).build());
    HttpResponse<String> withCode = send(browser, HttpRequest.newBuilder(resolve(baseUrl, location(loggedIn)))
        .header("Accept", "text/html").GET().build());
    String redirect = location(withCode);
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(redirect);
    if (!redirect.startsWith(redirectUri) || !code.find()) {
      throw new IllegalStateException("The issuer did not send a code: " + withCode.statusCode() + " " + redirect);
    }
    HttpResponse<String> token = send(browser, HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("grant_type", "authorization_code",
            "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirectUri,
            "client_id", app, "code_verifier", verifier)))).build());
    return accessToken(token);
  }

  private static String accessToken(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
        throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
      }
      return body.get("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException("Token response is not JSON: " + response.body(), e);
    }
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
        "Expected a redirect, got " + response.statusCode()));
  }

  private static URI resolve(String baseUrl, String location) {
    return URI.create(baseUrl).resolve(location);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String randomText() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
