package org.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that writes each message as a single frame, as OkHttp (the companion's client) does: the JDK
 * client splits a long message into fragments, which the server checks one by one.
 */
public final class OneFrameSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private OneFrameSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens {@code /ws/phone} with the token in an {@code Authorization: Bearer} header. */
    public static OneFrameSocket connect(URL base, String token) {
        try {
            OneFrameSocket client = new OneFrameSocket(new Socket(base.getHost(), base.getPort()));
            client.socket.setSoTimeout((int) TestPhone.DEADLINE.toMillis());
            String key = Base64.getEncoder().encodeToString("switchboard-test".getBytes(StandardCharsets.US_ASCII));
            client.out.write(("GET /ws/phone HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                            + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = client.readHeaders();
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("No upgrade: " + status);
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the text as one masked frame; a connection the server closes or resets meanwhile is not an error. */
    public void send(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x81);
        if (payload.length < 126) {
            header.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            header.write(0x80 | 126);
            header.write(payload.length >>> 8);
            header.write(payload.length & 0xFF);
        } else {
            header.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        // A mask of zeros leaves the payload as it is, which RFC 6455 allows.
        header.writeBytes(new byte[4]);
        try {
            out.write(header.toByteArray());
            out.write(payload);
            out.flush();
        } catch (IOException closedWhileSending) {
            // What the caller awaits next.
        }
    }

    /** The close code the server sent, skipping other frames, or -1 if the connection ended (or was reset) without. */
    public int awaitCloseCode() {
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                long length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = in.readNBytes((int) length);
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Not closed within " + TestPhone.DEADLINE, e);
        } catch (IOException ended) {
            return -1;
        }
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("Connection closed in the handshake: " + headers);
            }
            headers.append((char) next);
        }
        return headers.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
