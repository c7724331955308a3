package dev.ferry.connectors.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS towards the search cluster, from Confluent's {@code elastic.https.ssl.*} keys: an optional
 * trust store (else the JVM's default CAs), an optional key store for client certificates, the
 * protocol, and whether the server's host name is checked
 * ({@code elastic.https.ssl.endpoint.identification.algorithm}, empty = not checked). Passwords
 * never appear in {@link #toString()}.
 *
 * @param keystoreLocation   key store file, or null
 * @param keystorePassword   its password, or null
 * @param keystoreType       its type (JKS, PKCS12)
 * @param keyPassword        the key's password, or null (the key store's)
 * @param truststoreLocation trust store file, or null
 * @param truststorePassword its password, or null
 * @param truststoreType     its type
 * @param protocol           the SSLContext protocol (TLSv1.3, TLS...)
 * @param verifyHostname     whether the certificate must name the host
 */
public record TlsSettings(String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword,
                          String truststoreLocation, String truststorePassword, String truststoreType,
                          String protocol, boolean verifyHostname) {

  /** The SSLContext these settings describe; the message of a failure names the file and key. */
  public SSLContext context() {
    try {
      KeyManagerFactory keys = null;
      if (keystoreLocation != null) {
        KeyStore store = load(keystoreLocation, keystorePassword, keystoreType, SearchConfigKeys.SSL_KEYSTORE_LOCATION);
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = keyPassword != null ? keyPassword : keystorePassword;
        keys.init(store, password == null ? null : password.toCharArray());
      }
      TrustManagerFactory trust = null;
      if (truststoreLocation != null) {
        KeyStore store = load(truststoreLocation, truststorePassword, truststoreType,
            SearchConfigKeys.SSL_TRUSTSTORE_LOCATION);
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
      }
      SSLContext context = SSLContext.getInstance(protocol);
      context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot set up TLS (" + SearchConfigKeys.SSL_PROTOCOL + "=" + protocol + "): "
          + e.getMessage(), e);
    }
  }

  private static KeyStore load(String location, String password, String type, String key)
      throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password == null ? null : password.toCharArray());
      return store;
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read " + key + "=" + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "TLS(" + protocol + (truststoreLocation == null ? "" : ", trust " + truststoreLocation)
        + (keystoreLocation == null ? "" : ", key " + keystoreLocation) + (verifyHostname ? "" : ", no host check") + ")";
  }
}
