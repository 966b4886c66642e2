package org.switchboard.companion.core;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;

/** The transport over Java-WebSocket, which runs unchanged on the JVM and on Android 8+. */
public final class WebSocketTransport implements Transport {

    private static final int CONNECT_TIMEOUT_MILLIS = 15_000;

    @Override
    public Connection connect(URI server, Map<String, String> headers, String certificateSha256, Listener listener) {
        AtomicBoolean over = new AtomicBoolean();
        WebSocketClient client = new WebSocketClient(server, new Draft_6455(), headers, CONNECT_TIMEOUT_MILLIS) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                listener.opened();
            }

            @Override
            public void onMessage(String message) {
                listener.text(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                if (over.compareAndSet(false, true)) {
                    listener.closed(code, reason);
                }
            }

            @Override
            public void onError(Exception failure) {
                // Java-WebSocket follows an error with onClose, except when connecting failed before the socket
                // existed; closing again is harmless and covers that case.
                if (!isOpen() && over.compareAndSet(false, true)) {
                    listener.closed(CloseFrame.NEVER_CONNECTED, String.valueOf(failure.getMessage()));
                }
            }

            @Override
            protected void onSetSSLParameters(SSLParameters parameters) {
                // A pinned certificate replaces the host name check: schools reach the server by IP or a local name
                // their self-signed certificate rarely carries.
                if (certificateSha256 == null) {
                    super.onSetSSLParameters(parameters);
                }
            }
        };
        // Heartbeats are the protocol's JSON pings, watched by the protocol client.
        client.setConnectionLostTimeout(0);
        if ("wss".equalsIgnoreCase(server.getScheme()) && certificateSha256 != null) {
            client.setSocketFactory(pinnedContext(certificateSha256).getSocketFactory());
        }
        client.connect();
        return new Connection() {
            @Override
            public boolean send(String text) {
                try {
                    client.send(text);
                    return true;
                } catch (WebsocketNotConnectedException e) {
                    return false;
                }
            }

            @Override
            public void close(int code, String reason) {
                client.close(code, reason);
            }
        };
    }

    private static SSLContext pinnedContext(String certificateSha256) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedCertificate(certificateSha256)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /** Trusts exactly the server certificate whose SHA-256 the pairing link carried, whoever signed it. */
    static final class PinnedCertificate implements X509TrustManager {
        private final String sha256;

        PinnedCertificate(String sha256) {
            this.sha256 = PairingLink.normalisedFingerprint(sha256);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            String presented = sha256Hex(chain[0].getEncoded());
            if (!presented.equals(sha256)) {
                throw new CertificateException("the server's certificate " + presented + " is not the one paired with ("
                        + sha256 + "): pair the phone again");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the companion does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
