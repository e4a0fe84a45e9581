package org.casemgmt.routes.ehr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The RSA private key a SMART backend-services client signs its assertions with, from a PEM file. */
final class PemKeys {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private PemKeys() {
  }

  /**
   * Reads an unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), the form {@code openssl genpkey} writes.
   *
   * @throws IllegalArgumentException saying what is wrong with the file (never its content)
   */
  static RSAPrivateKey rsaPrivateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException(file + " is a PKCS#1 or encrypted key; convert it with"
          + " 'openssl pkcs8 -topk8 -nocrypt -in <key> -out <key.pem>'");
    }
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(file + " holds no '" + BEGIN + "' block");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
      return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(file + " is not an RSA private key (RS384 needs one)");
    }
  }
}
