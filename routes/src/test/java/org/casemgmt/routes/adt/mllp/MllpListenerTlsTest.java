package org.casemgmt.routes.adt.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.casemgmt.routes.adt.mllp.MllpListenerSettings.Tls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener over TLS, on a real socket: a sender speaking TLS is answered, a plain connection is never read, and
 * with client-auth REQUIRE only a sender whose certificate the trust store holds is answered. The keys are made with
 * the JDK's keytool for each run.
 */
class MllpListenerTlsTest {
  private static final String PASSWORD = "changeit";
  private static final String MESSAGE = "MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|AGENCY|20260301083000||ADT^A01|1|P|2.5.1\r";
  private static final String ACK = "MSH|^~\\&|CASEMGMT|AGENCY|EPIC|NORTHSIDE|20260301083001||ACK^A01|2|P|2.5.1\r"
      + "MSA|AA|1\r";

  @TempDir
  static Path keys;
  private static Path listenerKeys;
  private static Path senderKeys;
  private static Path trustedSenders;

  @BeforeAll
  static void makeKeys() throws Exception {
    listenerKeys = keyPair("listener");
    senderKeys = keyPair("sender");
    Path senderCertificate = keys.resolve("sender.cer");
    keytool("-exportcert", "-alias", "sender", "-keystore", senderKeys.toString(), "-storepass", PASSWORD,
        "-file", senderCertificate.toString());
    trustedSenders = keys.resolve("trusted-senders.p12");
    keytool("-importcert", "-noprompt", "-alias", "sender", "-file", senderCertificate.toString(),
        "-keystore", trustedSenders.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
  }

  @Test
  void aSenderOverTlsIsAnsweredAndAPlainConnectionIsNotRead() throws Exception {
    int port = freePort();
    try (CamelContext camel = listening(port, new Tls(true, listenerKeys.toString(), PASSWORD, null, null, null,
        null))) {
      assertThat(exchange(client(null).createSocket("127.0.0.1", port))).contains("MSA|AA|1");
      assertThat(exchange(new Socket("127.0.0.1", port))).doesNotContain("MSA");
    }
  }

  @Test
  void withClientAuthRequiredOnlyATrustedSendersCertificateIsAnswered() throws Exception {
    int port = freePort();
    Tls tls = new Tls(true, listenerKeys.toString(), PASSWORD, "PKCS12", ClientAuthentication.REQUIRE,
        trustedSenders.toString(), PASSWORD);
    try (CamelContext camel = listening(port, tls)) {
      assertThat(exchange(client(senderKeys).createSocket("127.0.0.1", port))).contains("MSA|AA|1");
      assertThat(exchange(client(null).createSocket("127.0.0.1", port))).doesNotContain("MSA");
    }
  }

  /** A context whose only route is the listener, answering every message with AA. */
  private static CamelContext listening(int port, Tls tls) throws Exception {
    MllpListenerSettings settings = new MllpListenerSettings("127.0.0.1", port, Duration.ofSeconds(30), 5, 2, null,
        null, List.of(), tls);
    MllpListener listener = new MllpListener(settings);
    CamelContext camel = new DefaultCamelContext();
    camel.addRoutes(new RouteBuilder() {
      @Override
      public void configure() {
        from(listener.endpoint(getCamelContext()))
            .process(exchange -> exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT_STRING, ACK));
      }
    });
    camel.start();
    return camel;
  }

  /** Sends one framed message and reads what comes back until the listener closes or 10 s pass. */
  private static String exchange(Socket socket) throws IOException {
    try (socket) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(("\u000b" + MESSAGE + "\u001c\r").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return readAnswer(socket.getInputStream());
      } catch (SocketTimeoutException | UncheckedIOException e) {
        return "";
      } catch (IOException refused) {
        // A failed handshake or a reset: nothing was answered.
        return "";
      }
    }
  }

  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      answer.write(b);
      if (b == '\r' && answer.toString(StandardCharsets.UTF_8).contains("\u001c")) {
        break;
      }
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  /** A TLS client that trusts the listener's certificate and presents the sender's key pair, if given. */
  private static javax.net.SocketFactory client(Path keyPair) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(listenerKeys));
    KeyManagerFactory keysToShow = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keysToShow.init(keyPair == null ? null : load(keyPair), PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyPair == null ? null : keysToShow.getKeyManagers(), trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  private static KeyStore load(Path store) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    return keyStore;
  }

  private static Path keyPair(String alias) throws Exception {
    Path store = keys.resolve(alias + ".p12");
    keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    return store;
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString()));
    command.addAll(List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
