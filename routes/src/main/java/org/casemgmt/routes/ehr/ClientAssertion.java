package org.casemgmt.routes.ehr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed JWT a SMART backend-services client authenticates with at the token endpoint (SMART App Launch 2,
 * "Backend Services"): RS384, issuer and subject the client id, audience the token URL, a unique {@code jti}, and
 * an expiry no more than five minutes ahead.
 */
final class ClientAssertion {
  /** Below SMART's five-minute ceiling, so that a server whose clock runs ahead still accepts it. */
  static final Duration LIFETIME = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String clientId;
  private final String tokenUrl;
  private final String keyId;
  private final RSAPrivateKey key;

  ClientAssertion(String clientId, String tokenUrl, String keyId, RSAPrivateKey key) {
    this.clientId = clientId;
    this.tokenUrl = tokenUrl;
    this.keyId = keyId;
    this.key = key;
  }

  /** A new assertion: each token request needs its own {@code jti}. */
  String signed(Instant now) {
    ObjectNode header = JSON.createObjectNode().put("alg", "RS384").put("typ", "JWT");
    if (keyId != null && !keyId.isBlank()) {
      header.put("kid", keyId);
    }
    ObjectNode claims = JSON.createObjectNode()
        .put("iss", clientId)
        .put("sub", clientId)
        .put("aud", tokenUrl)
        .put("exp", now.plus(LIFETIME).getEpochSecond())
        .put("jti", UUID.randomUUID().toString());
    String signingInput = encode(header) + "." + encode(claims);
    try {
      Signature rs384 = Signature.getInstance("SHA384withRSA");
      rs384.initSign(key);
      rs384.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rs384.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The client assertion could not be signed", e);
    }
  }

  private static String encode(ObjectNode json) {
    return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }
}
