package org.casemgmt.routes.ehr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

/** The Authorization header a source's requests carry. */
interface Authentication {

  /** The header's value, or null for none; may fetch a token first. */
  String authorization() throws EhrFailure;

  /** Whether a 401 can be answered with a new credential (only a token from a token endpoint can). */
  default boolean canRenew() {
    return false;
  }

  /** Gets a new credential; called once after a 401, whatever the cached one's expiry says. */
  default void renew() throws EhrFailure {
  }

  static Authentication of(EhrSource source, Transport transport, Clock clock) {
    EhrSource.Auth auth = source.auth();
    return switch (auth.type()) {
      case NONE -> () -> null;
      case BASIC -> {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
            (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
        yield () -> basic;
      }
      case BEARER -> () -> "Bearer " + auth.token();
      case SMART_BACKEND -> new SmartBackendServices(auth, new ClientAssertion(auth.clientId(), auth.tokenUrl(),
          auth.keyId(), PemKeys.rsaPrivateKey(Path.of(auth.privateKey()))), transport, clock);
    };
  }
}
