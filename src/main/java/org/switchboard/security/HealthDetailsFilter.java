package org.switchboard.security;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The health probes say {@code UP} or {@code DOWN} to anyone (load balancers, CI, the README's check) but what each
 * check found (which database, its error) to admins only: Payara's health endpoint itself tells everyone everything.
 */
public class HealthDetailsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null
                && currentUser.reload() == CurrentUser.Standing.SIGNED_IN
                && currentUser.getRole() == Role.ADMIN) {
            chain.doFilter(request, response);
            return;
        }
        Captured captured = new Captured(response);
        chain.doFilter(request, captured);
        byte[] body = statusOnly(captured.body());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] statusOnly(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonObject health = Json.createReader(new StringReader(text)).readObject();
            if (!health.containsKey("status")) {
                return body;
            }
            return Json.createObjectBuilder()
                    .add("status", health.get("status"))
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonException | ClassCastException e) {
            return body;
        }
    }

    /** Holds what the health endpoint writes, so that it can be cut down before it leaves. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;

        Captured(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("The health response is written at once");
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}

        @Override
        public void flushBuffer() {}
    }
}
