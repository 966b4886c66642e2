package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/** Builds a new phone's pairing code from the address phones reach the server at. */
@ApplicationScoped
public class PairingCodes {

    private static final int DEFAULT_HTTPS_PORT = 443;

    @Inject
    private PhoneSettings settings;

    /**
     * @param origin the address the admin's browser used, e.g. {@code https://192.168.1.10:8181}; the configured
     *     public URL wins over it
     * @param contextPath where the application is deployed, {@code ""} at the root
     */
    public PairingCode issue(String token, URI origin, String contextPath) {
        URI server = settings.publicUrl().map(URI::create).orElse(origin);
        boolean tls = "https".equalsIgnoreCase(server.getScheme());
        String path = Optional.ofNullable(server.getPath()).orElse("").replaceFirst("/$", "")
                + contextPath
                + PhoneEndpoint.PATH;
        URI socket = URI.create((tls ? "wss" : "ws") + "://" + server.getRawAuthority() + path);
        Optional<String> fingerprint = tls
                ? settings.certificateSha256()
                        .or(() -> ServerCertificate.sha256(
                                server.getHost(), server.getPort() < 0 ? DEFAULT_HTTPS_PORT : server.getPort()))
                : Optional.empty();
        return new PairingCode(socket, token, fingerprint);
    }

    /** Whether codes issued from this origin would send phones to plain {@code ws://}. */
    public boolean isUnencrypted(URI origin) {
        return !"https"
                .equalsIgnoreCase(
                        settings.publicUrl().map(URI::create).orElse(origin).getScheme());
    }
}
