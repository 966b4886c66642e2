package org.switchboard.companion.core;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the server's Phones page gives a phone to pair it: {@code switchboard://pair?server=…&token=…&sha256=…}
 * (docs/protocol.md, section 2). Parsing refuses anything it could not connect with, saying why.
 */
public final class PairingLink {

    private static final Pattern TOKEN = Pattern.compile("sbp_[A-Za-z0-9_-]{20,100}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final URI server;
    private final String token;
    private final String certificateSha256;

    public PairingLink(URI server, String token, String certificateSha256) {
        this.server = requireSocketAddress(server);
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("the token must look like sbp_ followed by letters and digits");
        }
        this.token = token;
        this.certificateSha256 = certificateSha256 == null ? null : normalisedFingerprint(certificateSha256);
    }

    /** Reads a pairing link as pasted or scanned; surrounding spaces are ignored. */
    public static PairingLink parse(String link) {
        if (link == null || link.trim().isEmpty()) {
            throw new IllegalArgumentException("the pairing link is empty");
        }
        URI uri;
        try {
            uri = new URI(link.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the pairing link is not a valid address", e);
        }
        if (!"switchboard".equalsIgnoreCase(uri.getScheme()) || !"pair".equalsIgnoreCase(uri.getHost())) {
            throw new IllegalArgumentException("a pairing link starts with switchboard://pair?");
        }
        Map<String, String> parameters = query(uri.getRawQuery());
        String server = parameters.get("server");
        if (server == null) {
            throw new IllegalArgumentException("the pairing link has no server");
        }
        try {
            return new PairingLink(new URI(server), parameters.get("token"), parameters.get("sha256"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the server in the pairing link is not a valid address", e);
        }
    }

    /** A pin as the Phones page shows it ({@code AB:CD:…}) or as the link carries it (lower-case hex). */
    public static String normalisedFingerprint(String fingerprint) {
        String hex = fingerprint.replace(":", "").trim().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hex).matches()) {
            throw new IllegalArgumentException("the certificate fingerprint must be 64 hexadecimal digits");
        }
        return hex;
    }

    private static URI requireSocketAddress(URI server) {
        if (server == null
                || server.getHost() == null
                || !("ws".equalsIgnoreCase(server.getScheme()) || "wss".equalsIgnoreCase(server.getScheme()))) {
            throw new IllegalArgumentException("the server must be a ws:// or wss:// address");
        }
        return server;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String value) {
        try {
            // The charset-name overload: URLDecoder.decode(String, Charset) needs Android 13.
            return URLDecoder.decode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    public URI server() {
        return server;
    }

    public String token() {
        return token;
    }

    /** Lower-case hex, or null: over ws:// there is nothing to pin, over wss:// the system's trust store decides. */
    public String certificateSha256() {
        return certificateSha256;
    }

    public boolean isEncrypted() {
        return "wss".equalsIgnoreCase(server.getScheme());
    }
}
