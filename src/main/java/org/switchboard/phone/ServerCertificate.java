package org.switchboard.phone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.switchboard.platform.Secrets;

/**
 * Reads the certificate the server presents on its HTTPS listener, exactly as a phone connecting to that address will
 * see it (a reverse proxy's, if there is one), to put its fingerprint in the pairing code.
 */
final class ServerCertificate {

    /** The first TLS handshake of a freshly started server on a busy machine takes several seconds. */
    private static final int TIMEOUT_MILLIS = 15_000;

    private static final Logger LOG = Logger.getLogger(ServerCertificate.class.getName());

    private ServerCertificate() {}

    /** The SHA-256 of the certificate at host:port in lower-case hex, if one could be read. */
    static Optional<String> sha256(String host, int port) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            // Nothing is sent over this connection: it exists only to read what certificate is offered, self-signed
            // ones included, which a validating trust manager would refuse before we could see them.
            tls.init(null, new TrustManager[] {new AnyCertificate()}, null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                return Optional.of(PairingCode.hex(Secrets.sha256(chain[0].getEncoded())));
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.log(Level.WARNING, "Could not read the certificate of " + host + ":" + port, e);
            return Optional.empty();
        }
    }

    private static final class AnyCertificate implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Accepted: the certificate is only looked at, never relied on.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
