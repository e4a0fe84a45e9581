package org.casemgmt.routes.adt.mllp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.casemgmt.routes.adt.mllp.MllpListenerSettings.Tls;

/**
 * The listener's TLS settings as Camel's SSLContextParameters, which camel-mllp's server socket is made from. The
 * context is built once here, at start-up, so that a wrong path or password stops the service with the reason;
 * inside camel-mllp the same failure surfaces only as "failed to bind to port".
 */
final class ListenerTls {
  private ListenerTls() {
  }

  static SSLContextParameters parameters(Tls tls, CamelContext camel) {
    SSLContextParameters parameters = new SSLContextParameters();
    parameters.setCamelContext(camel);
    KeyManagersParameters keyManagers = new KeyManagersParameters();
    keyManagers.setCamelContext(camel);
    keyManagers.setKeyStore(store(tls.keyStore(), tls.keyStorePassword(), tls.keyStoreType(), camel));
    keyManagers.setKeyPassword(tls.keyStorePassword());
    parameters.setKeyManagers(keyManagers);
    SSLContextServerParameters server = new SSLContextServerParameters();
    server.setCamelContext(camel);
    server.setClientAuthentication(tls.clientAuth().name());
    parameters.setServerParameters(server);
    if (tls.clientAuth() != ClientAuthentication.NONE) {
      TrustManagersParameters trustManagers = new TrustManagersParameters();
      trustManagers.setCamelContext(camel);
      trustManagers.setKeyStore(store(tls.trustStore(), tls.trustStorePassword(), tls.keyStoreType(), camel));
      parameters.setTrustManagers(trustManagers);
    }
    try {
      parameters.createSSLContext(camel);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new IllegalStateException("adapter.mllp.tls: the listener's TLS context cannot be built (" + e.getMessage()
          + "); check the key store and trust store paths, types and passwords", e);
    }
    return parameters;
  }

  private static KeyStoreParameters store(String location, String password, String type, CamelContext camel) {
    KeyStoreParameters store = new KeyStoreParameters();
    store.setCamelContext(camel);
    // Camel reads a location without a scheme from the classpath; a path in configuration means a file.
    store.setResource(location.startsWith("classpath:") || location.startsWith("file:") ? location
        : "file:" + location);
    store.setPassword(password);
    store.setType(type);
    return store;
  }
}
