package org.switchboard.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where users reach the server ({@code switchboard.public-url}), as the origin browsers name in their {@code Origin}
 * header. Unset, the server takes the address each request was sent to, which a browser cannot forge for another site.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "switchboard.public-url")
    Optional<String> publicUrl;

    /** The origin ({@code scheme://host[:port]}) requests from the server's own pages carry. */
    public String origin(HttpServletRequest request) {
        return publicUrl
                .map(String::strip)
                .filter(url -> !url.isEmpty())
                .map(url -> origin(URI.create(url)))
                .orElseGet(() -> origin(request.getScheme(), request.getServerName(), request.getServerPort()));
    }

    /** The origin of an absolute URL, as a browser writes it: lower case, without the scheme's default port. */
    public static String origin(URI url) {
        return origin(url.getScheme(), url.getHost(), url.getPort());
    }

    private static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort =
                port < 0 || lowerScheme.equals("http") && port == 80 || lowerScheme.equals("https") && port == 443;
        return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
