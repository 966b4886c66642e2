package org.switchboard.phone;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What a new phone needs to connect: the server's WebSocket address, its token and, over TLS, the SHA-256 of the
 * server's certificate so that the phone can pin a self-signed one. The companion reads it as a link or a QR code; an
 * earlier-style phone is given the plain connection URL instead.
 *
 * @param socketUrl {@code wss://host:port/ws/phone} or, in a lab, {@code ws://…}
 * @param certificateSha256 lower-case hex, absent over plain {@code ws://} or when it could not be read
 */
public record PairingCode(URI socketUrl, String token, Optional<String> certificateSha256) {

    private static final int QR_SIZE = 0;

    /** {@code switchboard://pair?server=…&token=…&sha256=…}, the form the companion app takes. */
    public String link() {
        StringBuilder link = new StringBuilder("switchboard://pair?server=")
                .append(URLEncoder.encode(socketUrl.toString(), StandardCharsets.UTF_8))
                .append("&token=")
                .append(token);
        certificateSha256.ifPresent(hash -> link.append("&sha256=").append(hash));
        return link.toString();
    }

    /** The URL an earlier-style phone is configured with: it can carry nothing but a URL. */
    public String seedUrl() {
        return socketUrl + "?token=" + token + "&protocol=seed";
    }

    public boolean isEncrypted() {
        return "wss".equalsIgnoreCase(socketUrl.getScheme());
    }

    /** The fingerprint as browsers show it, {@code AB:CD:…}. */
    public Optional<String> displayedFingerprint() {
        return certificateSha256.map(hash -> String.join(":", hash.toUpperCase().split("(?<=\\G..)")));
    }

    /** The link as a QR code, an SVG image in a data URI. */
    public String qrCodeDataUri() {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            link(),
                            BarcodeFormat.QR_CODE,
                            QR_SIZE,
                            QR_SIZE,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("A pairing link always fits in a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
                        .formatted(matrix.getWidth(), matrix.getHeight())
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
