package org.casemgmt.adapter.security;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A deployment's own issuer: tokens are checked against the JWKS it publishes (served here by a stand-in HTTP
 * server, as the identity provider is outside this project), its issuer and the audience the deployment names.
 */
class ExternalIssuerTest {
  private static final String ISSUER = "https://login.agency.example/realms/casemgmt";
  private static WireMockServer identityProvider;
  private static RSAKey signingKey;

  @BeforeAll
  static void publishKeys() throws JOSEException {
    signingKey = new RSAKeyGenerator(2048).keyID("agency-key").generate();
    identityProvider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    identityProvider.start();
    identityProvider.stubFor(get("/jwks").willReturn(okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
  }

  @AfterAll
  static void stop() {
    identityProvider.stop();
  }

  @Test
  void aTokenSignedByTheIssuersKeyForThisApiIsTakenWithItsClaims() throws Exception {
    Jwt token = decoder().decode(token(signingKey, ISSUER, "casemgmt-api", Instant.now().plusSeconds(300)));

    Caller caller = Caller.of(token);
    assertThat(caller.subject()).isEqualTo("cm-17");
    assertThat(caller.role()).isEqualTo("case-manager");
    assertThat(caller.scopes()).containsExactly("user/*.rs", "openid");
  }

  @Test
  void forgedExpiredForeignAndMisaddressedTokensAreRefused() throws Exception {
    RSAKey otherKey = new RSAKeyGenerator(2048).keyID("agency-key").generate();
    Instant later = Instant.now().plusSeconds(300);
    JwtDecoder decoder = decoder();

    assertThatThrownBy(() -> decoder.decode(token(otherKey, ISSUER, "casemgmt-api", later)))
        .isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> decoder.decode(token(signingKey, ISSUER, "casemgmt-api",
        Instant.now().minus(Duration.ofHours(1))))).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    assertThatThrownBy(() -> decoder.decode(token(signingKey, "https://elsewhere.example", "casemgmt-api", later)))
        .isInstanceOf(JwtException.class).hasMessageContaining("iss");
    assertThatThrownBy(() -> decoder.decode(token(signingKey, ISSUER, "another-api", later)))
        .isInstanceOf(JwtException.class).hasMessageContaining("not for casemgmt-api");
  }

  private static JwtDecoder decoder() {
    SecurityProperties properties = new SecurityProperties(true, ISSUER, identityProvider.baseUrl() + "/jwks",
        "casemgmt-api", null, null, Duration.ofHours(1), List.of(), List.of(), List.of(), Map.of(), List.of(),
        List.of());
    return new ApiSecurity().jwtDecoder(properties, null);
  }

  private static String token(RSAKey key, String issuer, String audience, Instant expires) throws JOSEException {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("cm-17").audience(audience)
        .issueTime(Date.from(expires.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expires)).claim("scope", "user/*.rs openid")
        .claim("role", "case-manager").claim("client_id", "agency-workspace").build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
