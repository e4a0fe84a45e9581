package org.casemgmt.routes.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The assertion a SMART backend-services client signs: RS384 over the claims SMART requires. */
class ClientAssertionTest {

  @Test
  void theAssertionIsSignedRs384WithTheClaimsSmartRequires() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    ClientAssertion assertion = new ClientAssertion("adapter-client", "https://ehr.example.org/oauth2/token",
        "key-1", (RSAPrivateKey) keys.getPrivate());

    String jwt = assertion.signed(now);

    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = json(parts[0]);
    JsonNode claims = json(parts[1]);
    assertThat(header.get("alg").asText()).isEqualTo("RS384");
    assertThat(header.get("typ").asText()).isEqualTo("JWT");
    assertThat(header.get("kid").asText()).isEqualTo("key-1");
    assertThat(claims.get("iss").asText()).isEqualTo("adapter-client");
    assertThat(claims.get("sub").asText()).isEqualTo("adapter-client");
    assertThat(claims.get("aud").asText()).isEqualTo("https://ehr.example.org/oauth2/token");
    assertThat(claims.get("exp").asLong()).isGreaterThan(now.getEpochSecond())
        .isLessThanOrEqualTo(now.plusSeconds(300).getEpochSecond());
    assertThat(claims.get("jti").asText()).isNotBlank().isNotEqualTo(json(assertion.signed(now).split("\\.")[1])
        .get("jti").asText());
    Signature rs384 = Signature.getInstance("SHA384withRSA");
    rs384.initVerify(keys.getPublic());
    rs384.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs384.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  private static JsonNode json(String part) throws Exception {
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(part));
  }
}
