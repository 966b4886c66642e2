package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * A phone over {@code wss://} through Payara's HTTPS listener and its self-signed certificate, trusted only because
 * the pairing link carries its fingerprint, as the companion app pins it.
 */
@ContainerTest
class PhoneTlsIT {

    private static final Pattern LINK =
            Pattern.compile("switchboard://pair\\?server=([^&]+)&token=(sbp_[\\w-]+)&sha256=([0-9a-f]{64})");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aPhonePinningTheFingerprintFromItsPairingLinkConnectsOverTls() throws Exception {
        Matcher link = pairingLink();
        URI server = URI.create(URLDecoder.decode(link.group(1), StandardCharsets.UTF_8));

        assertEquals(URI.create("wss://localhost:" + sslPort() + "/ws/phone"), server);
        try (TestPhone phone = TestPhone.connectSecurely(server, link.group(2), pinned(link.group(3)))) {
            assertTrue(phone.hello().getJsonObject("data").getString("device").startsWith("tls-"));
        }
    }

    @Test
    void aPhonePinningAnotherCertificateRefusesTheServer() throws Exception {
        Matcher link = pairingLink();
        URI server = URI.create(URLDecoder.decode(link.group(1), StandardCharsets.UTF_8));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TestPhone.connectSecurely(
                        server, link.group(2), pinned("ab".repeat(32)))
                .close());

        assertTrue(causes(refused).contains("not the pinned certificate"), causes(refused));
    }

    private static String causes(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        return messages.toString();
    }

    private Matcher pairingLink() {
        String link = new Fixtures(base).pairingLink("https://localhost:" + sslPort());
        Matcher matcher = LINK.matcher(link);
        assertTrue(matcher.matches(), link);
        return matcher;
    }

    private static int sslPort() {
        return Integer.parseInt(System.getProperty("it.ssl.port"));
    }

    /** Trusts exactly the certificate with this SHA-256, whoever signed it and whatever name it carries. */
    private static SSLContext pinned(String sha256) throws GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new Pin(sha256)}, null);
        return tls;
    }

    private static final class Pin extends X509ExtendedTrustManager {

        private final String sha256;

        Pin(String sha256) {
            this.sha256 = sha256;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                String actual = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                if (!actual.equals(sha256)) {
                    throw new CertificateException("not the pinned certificate: " + actual);
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("server side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("server side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
